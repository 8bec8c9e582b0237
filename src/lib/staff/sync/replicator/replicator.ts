/**
 * One live two-way replication per user across tabs (STYLE.md, "Sync that holds up on a bad
 * network"): the tab holding the Web Lock `cymorth-sync-<userId>` replicates and broadcasts its
 * status; other tabs wait for the lock and show the broadcast. On failure it backs off with full
 * jitter (`backoffDelay`), on HTTP 413 it halves the batch and tries again, and on `online` it
 * starts again at once. PouchDB's own `retry` is off: its backoff knows nothing of 413.
 * A device's first sync is a one-off pull (`firstPull`), retried the same way; the live sync starts
 * once it has completed.
 */
import { backoffDelay } from '$lib/data/backoff.ts';
import { bulkLoad } from './bulk-load.ts';
import { endReasonOf, type EndReason } from '../eviction/eviction-plan.ts';
import {
  deniedReason,
  errorStatus,
  firstPullCompleted,
  initialSnapshot,
  type SyncSnapshot,
} from '../sync-snapshot.ts';
import { watchRefusals } from './refusal-watch.ts';
import { UploadLedger } from '../uploads/upload-ledger.ts';

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
  /**
   * Resolves once the other reader of the local changes feed (the read model) has read what is
   * there now and handed it over (`observe`): a count waits for it, and reads only what is left.
   */
  othersRead?: () => Promise<unknown>;
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
    batchSize: options.batchSize ?? 1000,
  };
  let current: { cancel(): void } | null = null;
  /** Where the next live sync's push starts (`pushStart`), or null for its checkpoint. */
  let pushFrom: number | string | null = null;
  let wake = () => {};

  const publish = (patch: Partial<SyncSnapshot>, leader = true) => {
    state = { ...state, ...patch, leader };
    if (leader && !stop.signal.aborted) channel?.postMessage(state);
    onState(state);
  };
  channel?.addEventListener('message', (e: MessageEvent<SyncSnapshot>) =>
    publish({ ...e.data, online: state.online }, false),
  );

  /**
   * One count at a time, and at most one waiting: every caller gets a count that starts after its
   * call. The local changes feed asks once per document written, a thousand times per pulled
   * batch, and all those asks are answered by the one count that waits.
   */
  let counting = Promise.resolve();
  let waiting: Promise<void> | null = null;
  const recount = () => {
    waiting ??= counting = counting
      .then(async () => {
        waiting = null;
        await options.othersRead?.();
        const { pending, denied } = await ledger.count();
        const shown = denied.map(({ id, reason }) => ({ id, reason }));
        publish({ pendingUploads: pending, denied: shown, everythingOnServer: pending === 0 });
      })
      .catch((e: unknown) => console.error('counting uploads failed', e));
    return waiting;
  };

  /** Resolves when `run` ends: `complete` (a one-off finished, or either was cancelled) or `error`. */
  const settled = (
    run: PouchDB.Replication.Replication<object> | PouchDB.Replication.Sync<object>,
  ) =>
    new Promise<Outcome & { result?: { status?: string; ok?: boolean } }>((resolve) => {
      const events = run as unknown as { on(e: string, f: (x: never) => void): void };
      events.on('error', (error: unknown) => resolve({ error }));
      events.on('complete', (result: { status?: string; ok?: boolean }) => resolve({ result }));
    });

  const watch = watchRefusals(remote, () => current?.cancel());
  const server = watch.server;

  /**
   * `/db`'s document count, or the 401/403 that ends access. The first 403 of a disabled account
   * also clears its cookie, so the error must not be dropped here: every later request is a 401,
   * which would pass the disabled account off as an ended session (and keep what it held).
   */
  async function serverInfo(): Promise<{ total?: number; seq?: number | string; error?: unknown }> {
    try {
      const info = await server.info();
      const refusal = watch.refusal();
      return refusal ? { error: refusal } : { total: info.doc_count, seq: info.update_seq };
    } catch (error) {
      return endReasonOf(errorStatus(error)) === null ? {} : { error };
    }
  }

  /**
   * The device's first sync pulls only: a two-way sync would send every pulled revision back to
   * the server's `_revs_diff` as it arrives (twice the bytes down, and three times as slow). It
   * loads the user's documents in pages first (bulk-load.ts: no `_changes`, `_revs_diff` or
   * `_bulk_get` round per batch), then pulls from the sequence the server named before the first
   * page, which brings whatever changed meanwhile and leaves the checkpoint the live sync goes on
   * from. The first sync is finished only when that pull has completed; the flag is a `_local`
   * document, so it never replicates and goes with the replica when it is wiped. Local writes made
   * meanwhile upload with the live sync that follows.
   */
  async function firstPull(): Promise<Outcome & { cancelled?: boolean }> {
    const done0 = state.initialSync.done;
    const { total, seq, error: ending } = await serverInfo();
    if (ending !== undefined) return { error: ending };
    publish({ initialSync: { done: done0, total, finished: false } });
    if (stop.signal.aborted) return { cancelled: true };
    let loadedDocs = 0;
    const pulledDocs = (docs: PouchDB.Core.ExistingDocument<object>[]) => {
      ledger.pulled(docs);
      options.onPulled?.(docs.map((d) => d._id));
    };
    let loaded: Awaited<ReturnType<typeof bulkLoad>>;
    try {
      loaded = await bulkLoad({
        local,
        remote: server,
        ...(seq === undefined ? {} : { since: seq }),
        // With the next page asked for while one is stored, two are in hand at once, as the
        // replicator holds two batches (batches_limit).
        pageSize: state.batchSize,
        signal: stop.signal,
        onPage: (docs) => {
          pulledDocs(docs);
          loadedDocs += docs.length;
          publish({ initialSync: { ...state.initialSync, done: done0 + loadedDocs } });
          void recount();
        },
      });
    } catch (error) {
      return { error: watch.refusal() ?? error };
    }
    if (!loaded.complete) return { cancelled: true };
    const pull = local.replicate.from(server, {
      since: loaded.since,
      retry: false,
      batch_size: state.batchSize,
      batches_limit: 2,
    });
    current = pull;
    void pull.on('change', (info) => {
      pulledDocs(info.docs);
      const done = done0 + loadedDocs + info.docs_read;
      publish({ initialSync: { ...state.initialSync, done } });
      void recount();
    });
    const { error, result } = await settled(pull);
    current = null;
    if (error !== undefined) return { error };
    if (!firstPullCompleted(result)) return { cancelled: true };
    await local.put({ _id: initialSyncId, at: new Date().toISOString() }).catch(() => {});
    publish({ initialSync: { ...state.initialSync, finished: true }, error: null });
    pushFrom = await pushStart();
    void recount();
    options.onCaughtUp?.();
    return {};
  }

  /**
   * Where the live sync's first push may start once the first pull is done: the local seq then,
   * when nothing local is waiting to upload, as everything up to it came from the server. Without
   * it the push would offer every pulled revision back to `_revs_diff` (20 requests, 2.5 MB up for
   * a coordinator). The seq is read BEFORE the count, so a write in between is counted (and then
   * nothing is skipped) or comes after the seq (and is pushed).
   */
  async function pushStart(): Promise<number | string | null> {
    const seq = (await local.info()).update_seq;
    await recount();
    return state.pendingUploads === 0 && state.denied.length === 0 ? seq : null;
  }

  async function runOnce(): Promise<Outcome> {
    const flag = await local.get<{ at?: string }>(initialSyncId).catch(() => null);
    if (flag === null) {
      const { error, cancelled } = await firstPull();
      if (error !== undefined) return { error };
      if (cancelled) return {}; // back online, or stopped: the loop starts again or ends
    } else if (!state.initialSync.finished)
      publish({ initialSync: { ...state.initialSync, finished: true } });
    if (stop.signal.aborted) return {};

    // Only for the live sync straight after the first pull; every later one has its checkpoint.
    const from = pushFrom;
    pushFrom = null;
    const sync = local.sync(server, {
      live: true,
      retry: false,
      batch_size: state.batchSize,
      batches_limit: 2,
      ...(from === null ? {} : { push: { since: from } }),
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
      }
      void recount();
    });
    void sync.on('denied', (e) => {
      const { direction, doc } = e as unknown as { direction: string; doc: { id?: string } };
      if (direction === 'push' && doc.id)
        void ledger.denied(doc.id, deniedReason(doc)).then(recount, () => {});
    });
    // 'paused' without error: both directions caught up. It says nothing of the first sync, which
    // `firstPull` alone finishes (the live sync's first pause can come before anything is pulled).
    void sync.on('paused', (error) => {
      if (error) return;
      publish({ lastSyncedAt: new Date().toISOString(), error: null });
      void ledger.confirm(remote).then(recount, () => {});
      options.onCaughtUp?.();
    });
    return settled(sync);
  }

  async function lead(): Promise<void> {
    await ledger.load();
    publish({});
    const feed = local.changes({ since: 'now', live: true }).on('change', () => void recount());
    await recount();
    let failures = 0;
    while (!stop.signal.aborted) {
      const outcome = await runOnce();
      current = null;
      // A refusal `info()` let through comes first: the error after it is the cleared cookie's 401.
      const error = watch.refusal() ?? outcome.error;
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
    /** A page of the local changes feed read by someone else (read-model.ts `ChangesPage`). */
    observe: (page: Parameters<UploadLedger['observe']>[0]) => {
      if (state.leader) ledger.observe(page);
    },
    /** Counts again (after a local write in this tab, say). */
    refresh: () => (state.leader ? recount() : Promise.resolve()),
    async stop(): Promise<void> {
      stop.abort();
      watch.stop();
      current?.cancel();
      wake();
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      channel?.close();
      await done;
    },
  };
}
