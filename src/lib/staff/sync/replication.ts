/**
 * One live two-way replication per user across tabs (STYLE.md, "Sync that holds up on a bad
 * network"): the tab holding the Web Lock `cymorth-sync-<userId>` replicates and broadcasts its
 * status; other tabs wait for the lock and show the broadcast. On failure it backs off with full
 * jitter (`backoffDelay`), on HTTP 413 it halves the batch and tries again, and on `online` it
 * starts again at once. PouchDB's own `retry` is off: its backoff knows nothing of 413.
 */
import { backoffDelay } from '$lib/data/backoff.ts';
import { endReasonOf, type EndReason } from './eviction-plan.ts';
import { deniedReason, errorStatus, initialSnapshot, type SyncSnapshot } from './sync-snapshot.ts';
import { UploadLedger } from './upload-ledger.ts';

export type ReplicationOptions = {
  userId: string;
  local: PouchDB.Database;
  remote: PouchDB.Database;
  onState: (state: SyncSnapshot) => void;
  batchSize?: number;
  random?: () => number;
  /** The pull wrote these documents (the eviction cycle watches for overlaps). */
  onPulled?: (ids: string[]) => void;
  /** Both directions caught up without error: time for an eviction cycle. */
  onCaughtUp?: () => void;
  /** `/db` answered 401 or 403: replication has stopped for good; the device decides the rest. */
  onAccessEnded?: (reason: EndReason) => void;
  /** Runs `job` while holding the named lock; defaults to Web Locks, or no lock without them. */
  lock?: (name: string, signal: AbortSignal, job: () => Promise<void>) => Promise<void>;
};

type Outcome = { error?: unknown };
const initialSyncId = '_local/cymorth-initial-sync';

const webLock = (name: string, signal: AbortSignal, job: () => Promise<void>) =>
  globalThis.navigator?.locks
    ? navigator.locks.request(name, { signal }, job).catch((e: unknown) => {
        if (!signal.aborted) console.error('sync stopped', e);
      })
    : job();

export function startReplication(options: ReplicationOptions) {
  const { userId, local, remote, onState, random = Math.random } = options;
  const ledger = new UploadLedger(local);
  const stop = new AbortController();
  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(`cymorth-sync-${userId}`) : null;
  let state: SyncSnapshot = {
    ...initialSnapshot(globalThis.navigator?.onLine ?? true),
    batchSize: options.batchSize ?? 500,
  };
  let current: PouchDB.Replication.Sync<object> | null = null;
  let wake = () => {};

  const publish = (patch: Partial<SyncSnapshot>, leader = true) => {
    state = { ...state, ...patch, leader };
    if (leader && !stop.signal.aborted) channel?.postMessage(state);
    onState(state);
  };
  channel?.addEventListener('message', (e: MessageEvent<SyncSnapshot>) =>
    publish({ ...e.data, online: state.online }, false),
  );

  let counting = Promise.resolve();
  const recount = () => {
    counting = counting
      .then(async () => {
        const { pending, denied } = await ledger.count();
        const shown = denied.map(({ id, reason }) => ({ id, reason }));
        publish({ pendingUploads: pending, denied: shown, everythingOnServer: pending === 0 });
      })
      .catch((e: unknown) => console.error('counting uploads failed', e));
    return counting;
  };

  async function runOnce(): Promise<Outcome> {
    const flag = await local.get<{ total?: number }>(initialSyncId).catch(() => null);
    let initial = flag === null;
    const done0 = state.initialSync.done;
    if (initial) {
      const total = await remote.info().then(
        (i) => i.doc_count,
        () => undefined,
      );
      publish({ initialSync: { done: done0, total, finished: false } });
    } else publish({ initialSync: { ...state.initialSync, finished: true } });

    const sync = local.sync(remote, {
      live: true,
      retry: false,
      batch_size: state.batchSize,
      batches_limit: 2,
    });
    current = sync;
    // The push's `checkpoint` event follows a successful `_bulk_docs` and checkpoint write.
    type Checkpoints = {
      on(e: 'checkpoint', f: (e: { checkpoint?: string | number }) => void): void;
    };
    const push = (sync as unknown as { push: Checkpoints }).push;
    push.on('checkpoint', (e) => {
      if (e.checkpoint !== undefined)
        void ledger.acknowledged(e.checkpoint).then(recount, () => {});
    });
    void sync.on('change', ({ direction, change }) => {
      if (direction === 'push') ledger.pushed(change.docs);
      else {
        ledger.pulled(change.docs);
        options.onPulled?.(change.docs.map((d) => d._id));
        if (initial)
          publish({ initialSync: { ...state.initialSync, done: done0 + change.docs_read } });
      }
      void recount();
    });
    void sync.on('denied', (e) => {
      const { direction, doc } = e as unknown as { direction: string; doc: { id?: string } };
      if (direction === 'push' && doc.id)
        void ledger.denied(doc.id, deniedReason(doc)).then(recount, () => {});
    });
    void sync.on('paused', (error) => {
      if (error) return;
      publish({ lastSyncedAt: new Date().toISOString(), error: null });
      if (initial) {
        initial = false;
        publish({ initialSync: { ...state.initialSync, finished: true } });
        void local.put({ _id: initialSyncId, at: new Date().toISOString() }).catch(() => {});
      }
      void ledger.confirm(remote).then(recount, () => {});
      options.onCaughtUp?.();
    });
    return new Promise<Outcome>((resolve) => {
      void sync.on('error', (error) => resolve({ error }));
      void sync.on('complete', () => resolve({}));
    });
  }

  async function lead(): Promise<void> {
    await ledger.load();
    publish({});
    const feed = local.changes({ since: 'now', live: true }).on('change', () => void recount());
    await recount();
    let failures = 0;
    while (!stop.signal.aborted) {
      const { error } = await runOnce();
      current = null;
      if (stop.signal.aborted) break;
      // Signed out elsewhere, timed out or disabled: retrying cannot help, and must not go on.
      const ended = endReasonOf(errorStatus(error));
      if (ended !== null) {
        publish({ error: String((error as Error).message ?? error) });
        options.onAccessEnded?.(ended);
        break;
      }
      // Cancelled without error (back online): start again now. Too large: halve, start again.
      const tooLarge = errorStatus(error) === 413 && state.batchSize > 1;
      if (tooLarge) publish({ batchSize: Math.max(1, Math.floor(state.batchSize / 2)) });
      else if (error) failures += 1;
      publish({ error: error ? String((error as Error).message ?? error) : null });
      const delay = !error || tooLarge ? 0 : backoffDelay(failures, random);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          failures = 0;
          resolve();
        };
      });
    }
    feed.cancel();
  }

  const onOnline = () => {
    publish({ online: true }, state.leader);
    current?.cancel(); // a live sync may hang on the dead connection: start again now
    wake();
  };
  const onOffline = () => publish({ online: false }, state.leader);
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('offline', onOffline);
  const lock = options.lock ?? webLock;
  const done = lock(`cymorth-sync-${userId}`, stop.signal, lead);

  return {
    /** Drops refusals of documents purged from the device (purge.ts returns their ids). */
    forget: (ids: string[]) => {
      if (!state.leader) return Promise.resolve(); // only the leader's ledger is loaded
      ledger.forget(ids);
      return recount();
    },
    /** Counts again (after a local write in this tab, say). */
    refresh: () => (state.leader ? recount() : Promise.resolve()),
    async stop(): Promise<void> {
      stop.abort();
      current?.cancel();
      wake();
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      channel?.close();
      await done;
    },
  };
}
