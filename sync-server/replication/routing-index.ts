/**
 * What every replicated document is routed by, held in memory and kept current from the database's
 * own changes feed, so that judging who may read what never reads a document body.
 *
 * Without it every device's filtered `_changes` read the whole database: the feed's winners, then
 * the requests their contacts, notes and events belong to. A first sync of a volunteer who sees two
 * thousand of forty thousand documents read all forty thousand, and a hundred volunteers starting
 * at once read four million (the bench's "100 concurrent first syncs" never finished). With the
 * index, a feed answer is a walk over the index in seq order, judged by `canRead` on each entry's
 * routing fields, and only the bodies a device asks for (`_bulk_get`) are read.
 *
 * Each entry keeps the document's winning revision, its leaves, its seq, and the routing fields of
 * its last live revision (`routingFields`, the same fields a deletion keeps): a deletion is judged by
 * what it deleted, as before. No personal field is held: names, addresses and notes' texts stay on
 * disk. Memory is about 750 bytes a document (40,406 seeded documents: 29.5 MB of heap).
 *
 * Consistency: `current()` reads the feed up to the database's present before it resolves, and a
 * call never shares a catch-up that began before it, so an answer judges by a state at least as new
 * as anything the caller read before asking. Several server instances each keep their own index of
 * the shared database (COUCHDB_URL); nothing here is shared between them.
 */
import { docClassOf, requestIdOf } from '#domain/staff/doc-ids.ts';
import type { ReplicaDb } from '../storage.ts';
import type { Body } from './read-filter.ts';
import { routingProjection } from './routable-tombstone.ts';

export type IndexEntry = {
  readonly id: string;
  readonly seq: number;
  /** The winning revision. */
  readonly rev: string;
  /** Every leaf revision, the winner first (`style=all_docs`). */
  readonly leaves: readonly string[];
  readonly deleted: boolean;
  /** The routing fields of the last live revision; null when none could be found. */
  readonly routing: Body | null;
  /**
   * Requests and profiles: the routing fields of earlier revisions this index has read, newest
   * first, when they differ from the next. `_evictions` judges by them what left a view, and
   * unlike old revision bodies in the database, compaction does not take them away.
   */
  readonly earlier: readonly Body[];
};

/** How many earlier routings an entry keeps (`IndexEntry.earlier`). */
const maxEarlier = 10;

/** How many changes one read of the database's feed takes. */
const pageSize = 1000;
/** How far back a bare deletion's history is searched for its last live body. */
const maxHistory = 8;

const isLive = (doc: Body | null | undefined): boolean =>
  doc !== null && doc !== undefined && typeof doc.type === 'string';

/**
 * The body a deletion replaced: the newest live ancestor of `rev`, if not compacted away. Only for
 * bare deletions written before deletions kept their routing fields (routable-tombstone.ts).
 */
export async function lastLiveBody(db: ReplicaDb, id: string, rev: string): Promise<Body | null> {
  try {
    const doc = await db.get<Body>(id, { rev, revs: true });
    if (isLive(doc)) return doc;
    const history = doc._revisions;
    if (history === undefined) return null;
    for (let i = 1; i < Math.min(history.ids.length, maxHistory); i++) {
      const older = await db.get<Body>(id, { rev: `${history.start - i}-${history.ids[i]}` });
      if (isLive(older)) return older;
    }
  } catch {
    // A revision compacted away or never stored: nothing to judge by.
  }
  return null;
}

/** Index of the first entry of `log` with a seq above `seq` (the log is in seq order). */
function firstAfter(log: readonly IndexEntry[], seq: number): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((log[mid]?.seq ?? Infinity) <= seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class RoutingIndex {
  readonly #db: ReplicaDb;
  readonly #byId = new Map<string, IndexEntry>();
  /** Entries in seq order; an entry replaced by a newer one of its id stays until compacted. */
  #log: IndexEntry[] = [];
  #stale = 0;
  readonly #children = new Map<string, Set<string>>();
  #seq = 0;
  /** The catch-up callers may still join: it has not begun reading. */
  #queued: Promise<number> | null = null;
  #running: Promise<unknown> = Promise.resolve();
  /** Longpolls waiting for a change after their seq (`waitForChange`). */
  readonly #waiters = new Set<{ seq: number; wake: () => void }>();
  #feed: PouchDB.Core.Changes<object> | null = null;

  readonly #compactAfter: number;

  /** `compactAfter`: how many replaced entries the log may hold before it is rewritten. */
  constructor(db: ReplicaDb, { compactAfter = 1000 } = {}) {
    this.#db = db;
    this.#compactAfter = compactAfter;
  }

  /** The seq the index has read up to. */
  get seq(): number {
    return this.#seq;
  }

  /** Reads the database's feed up to its present; resolves with the seq reached. */
  current(): Promise<number> {
    if (this.#queued !== null) return this.#queued;
    const next = this.#running.then(() => {
      this.#queued = null;
      return this.#catchUp();
    });
    this.#queued = next;
    this.#running = next.catch(() => undefined);
    return next;
  }

  async #catchUp(): Promise<number> {
    for (;;) {
      const page = await this.#db.changes({
        since: this.#seq,
        limit: pageSize,
        include_docs: true,
        style: 'all_docs',
      });
      for (const change of page.results) {
        const doc = change.doc as Body | undefined;
        const rev = doc?._rev ?? change.changes[0]?.rev ?? '';
        const deleted = change.deleted === true;
        const leaves = [rev, ...change.changes.map((c) => c.rev).filter((r) => r !== rev)];
        const routing = await this.#routingOf(change.id, rev, deleted, doc);
        const earlier = this.#earlierOf(change.id, routing);
        const seq = Number(change.seq);
        this.#add({ id: change.id, seq, rev, leaves, deleted, routing, earlier });
      }
      this.#seq = Math.max(this.#seq, Number(page.last_seq));
      if (page.results.length < pageSize) return this.#seq;
    }
  }

  async #routingOf(id: string, rev: string, deleted: boolean, doc: Body | undefined) {
    if (doc !== undefined && isLive(doc)) return routingProjection(doc);
    if (!deleted) return null;
    // A bare deletion: what the index knew of it, else its history (an index built afresh).
    const known = this.#byId.get(id)?.routing;
    if (known !== undefined && known !== null) return known;
    const body = await lastLiveBody(this.#db, id, rev);
    return body === null ? null : routingProjection(body);
  }

  /** The earlier routings of `id` once `routing` replaces what the index holds of it. */
  #earlierOf(id: string, routing: Body | null): readonly Body[] {
    const cls = docClassOf(id);
    const previous = this.#byId.get(id);
    if ((cls !== 'request' && cls !== 'volunteer') || previous === undefined) return [];
    const before = previous.routing;
    if (before === null || JSON.stringify(before) === JSON.stringify(routing)) {
      return previous.earlier;
    }
    return [before, ...previous.earlier].slice(0, maxEarlier);
  }

  #add(entry: IndexEntry): void {
    if (this.#byId.has(entry.id)) this.#stale++;
    this.#byId.set(entry.id, entry);
    this.#log.push(entry);
    const requestId = docClassOf(entry.id) === 'request' ? null : requestIdOf(entry.id);
    if (requestId !== null) {
      let children = this.#children.get(requestId);
      if (children === undefined) this.#children.set(requestId, (children = new Set()));
      children.add(entry.id);
    }
    if (this.#stale > this.#compactAfter && this.#stale > this.#log.length / 2) {
      this.#log = this.#log.filter((e) => this.#byId.get(e.id) === e);
      this.#stale = 0;
    }
  }

  /**
   * Resolves once the index holds a change after `seq`, after `ms`, or when `signal` aborts. One
   * live feed of the database serves every waiting longpoll, however many devices are waiting.
   */
  waitForChange(seq: number, ms: number, signal: AbortSignal): Promise<void> {
    if (this.#seq > seq || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        seq,
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

  #startFeed(): void {
    if (this.#feed !== null) return;
    // From the index's own seq: a change it has not read yet wakes the waiters at once.
    const feed = this.#db.changes({ since: this.#seq, live: true });
    this.#feed = feed;
    const caughtUp = () => {
      for (const waiter of this.#waiters) if (waiter.seq < this.#seq) waiter.wake();
    };
    const onChange = () => void this.current().then(caughtUp, wakeAll);
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

  get(id: string): IndexEntry | undefined {
    return this.#byId.get(id);
  }

  /** Every document's latest change after `seq`, in seq order (as the database's feed lists them). */
  *since(seq: number): Generator<IndexEntry> {
    const log = this.#log;
    for (let i = firstAfter(log, seq); i < log.length; i++) {
      const entry = log[i];
      if (entry !== undefined && this.#byId.get(entry.id) === entry) yield entry;
    }
  }

  /** A request's contact, notes and events that are not deleted. */
  childrenOf(requestId: string): IndexEntry[] {
    const entries: IndexEntry[] = [];
    for (const id of this.#children.get(requestId) ?? []) {
      const entry = this.#byId.get(id);
      if (entry !== undefined && !entry.deleted) entries.push(entry);
    }
    return entries;
  }

  /** Every document, in no particular order. */
  entries(): IterableIterator<IndexEntry> {
    return this.#byId.values();
  }
}
