/**
 * One replication per user, however many tabs are open: the tab holding the Web Lock
 * `cymorth-sync-<userId>` replicates and broadcasts its snapshots on the BroadcastChannel of the
 * same name; the other tabs wait for the lock and show what the leader broadcasts. When the
 * leader's tab closes, the lock passes to one of them.
 */
import type { SyncSnapshot } from '../status/sync-snapshot.ts';

/** Runs `job` while holding the named lock, until it ends or `signal` aborts. */
export type Lock = (name: string, signal: AbortSignal, job: () => Promise<void>) => Promise<void>;

/** Web Locks where the browser has them (every one Cymorth supports); no lock without them. */
export const webLock: Lock = (name, signal, job) =>
  globalThis.navigator?.locks
    ? navigator.locks.request(name, { signal }, job).catch((e: unknown) => {
        if (!signal.aborted) console.error('sync stopped', e);
      })
    : job();

export const leadershipName = (userId: string) => `cymorth-sync-${userId}`;

export class TabLeadership {
  readonly #name: string;
  readonly #signal: AbortSignal;
  readonly #channel: BroadcastChannel | null;

  /** `onBroadcast` hears every snapshot the leading tab sends while this one follows. */
  constructor(userId: string, signal: AbortSignal, onBroadcast: (snapshot: SyncSnapshot) => void) {
    this.#name = leadershipName(userId);
    this.#signal = signal;
    this.#channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.#name) : null;
    this.#channel?.addEventListener('message', (e: MessageEvent<SyncSnapshot>) =>
      onBroadcast(e.data),
    );
  }

  /** Runs `lead` once this tab holds the lock; resolves when it has ended or `signal` aborted. */
  lead(lead: () => Promise<void>, lock: Lock = webLock): Promise<void> {
    return lock(this.#name, this.#signal, lead);
  }

  /** Tells the other tabs what the leader sees (never once stopped: the channel is closing). */
  broadcast(snapshot: SyncSnapshot): void {
    if (!this.#signal.aborted) this.#channel?.postMessage(snapshot);
  }

  close(): void {
    this.#channel?.close();
  }
}
