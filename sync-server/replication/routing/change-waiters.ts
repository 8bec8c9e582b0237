/**
 * Longpolls waiting for the routing index (routing-index.ts) to read a change past their position.
 * One live feed of the database serves every waiter, however many devices are waiting; it stops
 * when the last one leaves.
 */
import type { ReplicatedDb } from '../../storage/storage.ts';
import type { DbSeq } from './index-entry.ts';

/** What the waiters need of the index: how far it has read, and a way to read on. */
export type WaitedIndex = {
  /** The position of the last change read. */
  readonly pos: number;
  /** The database's sequence read up to: where the live feed starts. */
  readonly lastSeq: DbSeq;
  /** Reads the database's feed up to its present. */
  current(): Promise<number>;
};

type Waiter = { pos: number; wake: () => void };

export class ChangeWaiters {
  readonly #db: ReplicatedDb;
  readonly #index: WaitedIndex;
  readonly #waiters = new Set<Waiter>();
  #feed: PouchDB.Core.Changes<object> | null = null;

  constructor(db: ReplicatedDb, index: WaitedIndex) {
    this.#db = db;
    this.#index = index;
  }

  /** Resolves once the index holds a change after `pos`, after `ms`, or when `signal` aborts. */
  wait(pos: number, ms: number, signal: AbortSignal): Promise<void> {
    if (this.#index.pos > pos || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = {
        pos,
        wake: () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', waiter.wake);
          this.#waiters.delete(waiter);
          if (this.#waiters.size === 0) this.#stopFeed();
          resolve();
        },
      };
      const timer = setTimeout(waiter.wake, ms);
      signal.addEventListener('abort', waiter.wake);
      this.#waiters.add(waiter);
      this.#startFeed();
    });
  }

  /** Stops the feed and answers every waiter now: their next wait starts a new feed. */
  wakeAll(): void {
    this.#stopFeed();
    for (const waiter of this.#waiters) waiter.wake();
  }

  #startFeed(): void {
    if (this.#feed !== null) return;
    // From the index's own seq: a change it has not read yet wakes the waiters at once.
    const feed = this.#db.changes({ since: this.#index.lastSeq, live: true });
    this.#feed = feed;
    const caughtUp = () => {
      for (const waiter of this.#waiters) if (waiter.pos < this.#index.pos) waiter.wake();
    };
    const onChange = () => void this.#index.current().then(caughtUp, wakeAll);
    // A broken feed wakes everyone: each rescans, waits again, and so starts a new feed.
    const wakeAll = () => {
      if (this.#feed === feed) this.#stopFeed();
      for (const waiter of this.#waiters) waiter.wake();
    };
    void feed.on('change', onChange).on('error', wakeAll);
    // The feed is also a promise, rejected on error: handled above, so not left unhandled here.
    Promise.resolve(feed).catch(() => undefined);
  }

  #stopFeed(): void {
    this.#feed?.cancel();
    this.#feed = null;
  }
}
