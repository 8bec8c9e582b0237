/**
 * The device's sync with the server, for one user: the parts wired together, and the snapshots
 * they make (sync-snapshot.ts) published to whoever subscribes (the sync status, the device).
 *
 * - tab-leadership.ts: only the tab holding the Web Lock replicates; the others show its
 *   broadcast snapshots.
 * - first-sync.ts: the one-off first sync, pages then a pull; the live sync starts once it has
 *   completed.
 * - live-sync.ts: the live two-way sync and what its events mean for the upload count.
 * - retry.ts: after each run, backoff with jitter, 413 batch halving, or the end of access.
 * - upload-count.ts (uploads/): what is waiting to upload, counted afresh as things happen.
 * - refusal-watch.ts: the 403 of a disabled account, wherever it came, is not mistaken for the
 *   401 that follows it.
 *
 * `subscribe` follows Svelte's store contract (a snapshot at once, then each new one), so the
 * status a page shows is a plain view of it (sync-status.svelte.ts).
 */
import type { EndReason } from '../eviction/eviction-plan.ts';
import type { ChangesPage } from '../../data/model/read-model.ts';
import { initialSnapshot, type SyncSnapshot } from '../status/sync-snapshot.ts';
import { UploadCounter } from '../uploads/upload-count.ts';
import { firstSync, hasFirstSynced, pushStart } from './first-sync.ts';
import { liveSync } from './live-sync.ts';
import { watchRefusals } from '../replica/refusal-watch.ts';
import { lastSyncedWriter, readLastSynced } from '../replica/last-synced.ts';
import { describeError, Retry } from './retry.ts';
import type { Outcome, Running } from './run-outcome.ts';
import { TabLeadership, type Lock } from './tab-leadership.ts';

export type ReplicatorOptions = {
  /** The account's id (a UUID, as the server's session answer names it). */
  userId: string;
  local: PouchDB.Database;
  remote: PouchDB.Database;
  /** Documents per batch to start with (halved after each 413). */
  batchSize?: number;
  random?: () => number;
  /** The pull wrote these documents (the eviction cycle watches for overlaps). */
  onPulled?: (ids: string[]) => void;
  /** Both directions caught up without error: time for an eviction cycle. */
  onCaughtUp?: () => void;
  /** `/db` answered 401 or 403: replication has stopped for good; the device decides the rest. */
  onAccessEnded?: (reason: EndReason) => void;
  /** Resolves once the read model has read the local changes there now (upload-count.ts). */
  othersRead?: () => Promise<unknown>;
  /** Runs `job` while holding the named lock; defaults to Web Locks, or no lock without them. */
  lock?: Lock;
};

type Docs = PouchDB.Core.ExistingDocument<object>[];

export class Replicator {
  readonly #options: ReplicatorOptions;
  readonly #stop = new AbortController();
  readonly #listeners = new Set<(snapshot: SyncSnapshot) => void>();
  readonly #uploads: UploadCounter;
  readonly #retry: Retry;
  readonly #watch: ReturnType<typeof watchRefusals>;
  readonly #saveLastSynced: (at: string) => Promise<void>;
  #state: SyncSnapshot;
  #tabs: TabLeadership | null = null;
  #done: Promise<void> | null = null;
  #running: Running | null = null;
  /** Where the next live sync's push starts (`pushStart`), or null for its checkpoint. */
  #pushFrom: number | string | null = null;

  constructor(options: ReplicatorOptions) {
    this.#options = options;
    this.#state = {
      ...initialSnapshot(globalThis.navigator?.onLine ?? true),
      batchSize: options.batchSize ?? 1000,
    };
    this.#uploads = new UploadCounter(options.local, {
      onCount: (count) => this.#publish(count),
      ...(options.othersRead ? { othersRead: options.othersRead } : {}),
    });
    this.#retry = new Retry(options.random);
    this.#watch = watchRefusals(options.remote, () => this.#running?.cancel());
    this.#saveLastSynced = lastSyncedWriter(options.local);
  }

  /** The latest snapshot: this tab's own while it leads, the leader's broadcast otherwise. */
  get snapshot(): SyncSnapshot {
    return this.#state;
  }

  /** Calls `listener` with the snapshot now and with every later one; returns the unsubscribe. */
  subscribe = (listener: (snapshot: SyncSnapshot) => void): (() => void) => {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => void this.#listeners.delete(listener);
  };

  /** Starts following the leader, and replicating once this tab leads. Once only. */
  start(): void {
    if (this.#done || this.#stop.signal.aborted) return;
    this.#tabs = new TabLeadership(this.#options.userId, this.#stop.signal, (s) =>
      this.#publish({ ...s, online: this.#state.online }, false),
    );
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('offline', this.#onOffline);
    this.#done = this.#tabs.lead(() => this.#lead(), this.#options.lock);
  }

  /** Counts uploads again (after a local write in this tab, say). */
  refresh = (): Promise<void> => (this.#state.leader ? this.#uploads.recount() : Promise.resolve());

  /** A page of the local changes feed read by someone else (read-model.ts `ChangesPage`). */
  observe = (page: ChangesPage): void => {
    if (this.#state.leader) this.#uploads.observe(page);
  };

  /** The unsent revisions by document; `null` in a tab that does not lead (its ledger is not loaded). */
  unsent = (): Promise<Map<string, string[]> | null> =>
    this.#state.leader ? this.#uploads.unsent() : Promise.resolve(null);

  /** Drops refusals of documents purged from the device (purge.ts returns their ids). */
  forget = (ids: string[]): Promise<void> =>
    // Only the leader's ledger is loaded.
    this.#state.leader ? this.#uploads.forget(ids) : Promise.resolve();

  async stop(): Promise<void> {
    this.#stop.abort();
    this.#watch.stop();
    this.#running?.cancel();
    this.#retry.wake();
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('offline', this.#onOffline);
    this.#tabs?.close();
    await this.#done;
  }

  #publish(patch: Partial<SyncSnapshot>, leader = true): void {
    this.#state = { ...this.#state, ...patch, leader };
    if (leader) this.#tabs?.broadcast(this.#state);
    for (const listener of this.#listeners) listener(this.#state);
  }

  #onOnline = () => {
    this.#publish({ online: true }, this.#state.leader);
    this.#running?.cancel(); // a live sync may hang on the dead connection: start again now
    this.#retry.wake();
  };

  #onOffline = () => this.#publish({ online: false }, this.#state.leader);

  /** This tab leads: replicate, run after run, until stopped or access ends. */
  async #lead(): Promise<void> {
    const signal = this.#stop.signal;
    await this.#uploads.load();
    // Kept on the device: a reload with no signal still knows when it last synced.
    const lastSyncedAt = this.#state.lastSyncedAt ?? (await readLastSynced(this.#options.local));
    this.#publish({ lastSyncedAt });
    const feed = this.#uploads.follow();
    await this.#uploads.recount();
    while (!signal.aborted) {
      const outcome = await this.#runOnce();
      this.#running = null;
      // A refusal `info()` let through comes first: the error after it is the cleared cookie's 401.
      const error = this.#watch.refusal() ?? outcome.error;
      if (signal.aborted) break;
      const step = this.#retry.after(error, this.#state.batchSize);
      if (step.ended !== null) {
        this.#publish({ error: describeError(error) });
        this.#options.onAccessEnded?.(step.ended);
        break;
      }
      if (step.batchSize !== this.#state.batchSize) this.#publish({ batchSize: step.batchSize });
      this.#publish({ error: error ? describeError(error) : null });
      await this.#retry.wait(step.delay);
    }
    feed.cancel();
  }

  async #runOnce(): Promise<Outcome> {
    if (!(await hasFirstSynced(this.#options.local))) {
      const { error, cancelled } = await this.#firstSync();
      if (error !== undefined) return { error };
      if (cancelled) return {}; // back online, or stopped: the loop starts again or ends
    } else if (!this.#state.initialSync.finished)
      this.#publish({ initialSync: { ...this.#state.initialSync, finished: true } });
    if (this.#stop.signal.aborted) return {};

    // Only for the live sync straight after the first sync; every later one has its checkpoint.
    const pushFrom = this.#pushFrom;
    this.#pushFrom = null;
    return liveSync({
      local: this.#options.local,
      server: this.#watch.server,
      batchSize: this.#state.batchSize,
      pushFrom,
      uploads: this.#uploads,
      onPulled: this.#pulled,
      onCaughtUp: () => {
        this.#synced();
        this.#uploads.confirm(this.#options.remote);
        this.#options.onCaughtUp?.();
      },
      onRunning: (run) => (this.#running = run),
    });
  }

  async #firstSync(): Promise<Outcome & { cancelled?: boolean }> {
    const outcome = await firstSync({
      local: this.#options.local,
      server: this.#watch.server,
      refusal: this.#watch.refusal,
      batchSize: this.#state.batchSize,
      signal: this.#stop.signal,
      progress: this.#state.initialSync,
      onProgress: (initialSync) => this.#publish({ initialSync }),
      onPulled: this.#pulled,
      onRunning: (run) => (this.#running = run),
    });
    if (outcome.error !== undefined || outcome.cancelled) return outcome;
    this.#publish({ initialSync: { ...this.#state.initialSync, finished: true }, error: null });
    this.#pushFrom = await pushStart(this.#options.local, this.#uploads);
    // Everything up to there came from the server, and the push will never pass it to say so:
    // unacknowledged, a reload offline counted the whole first sync as waiting to upload.
    if (this.#pushFrom !== null) this.#uploads.acknowledged(this.#pushFrom);
    this.#synced();
    void this.#uploads.recount();
    this.#options.onCaughtUp?.();
    return {};
  }

  /** Both directions caught up: the time is shown, and kept for the next page load. */
  #synced(): void {
    const at = new Date().toISOString();
    this.#publish({ lastSyncedAt: at, error: null });
    void this.#saveLastSynced(at);
  }

  #pulled = (docs: Docs): void => {
    this.#uploads.pulled(docs);
    this.#options.onPulled?.(docs.map((d) => d._id));
  };
}
