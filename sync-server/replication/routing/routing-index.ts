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
 * the shared database (COUCHDB_URL); nothing here is shared between them. A database deleted and
 * made again under the same name is noticed at the first catch-up a second on, which drops the old
 * one's entries and reads the new one from the start (database-generation.ts).
 */
import { docClassOf, requestIdOf } from '#domain/documents/doc-ids.ts';
import { routingProjection } from '#domain/replication/routing-fields.ts';
import { databaseGeneration, generationCheckMs } from '../../storage/database-generation.ts';
import type { ReplicatedDb } from '../../storage/storage.ts';
import { ChangeWaiters } from './change-waiters.ts';
import { DuplicateLinks, keptOf } from './duplicate-links.ts';
import type { Body, DbSeq, FeedObserver, FeedStart, IndexEntry } from './index-entry.ts';
import { isLive, storedBodies } from './stored-bodies.ts';

/** How many earlier routings an entry keeps (`IndexEntry.earlier`). */
const maxEarlier = 10;

/** How many changes one read of the database's feed takes. */
const pageSize = 1000;
/** How far back a bare deletion's history is searched for its last live body. */
const maxHistory = 8;

/** Index of the first entry of `log` with a position above `pos` (the log is in order). */
function firstAfter(log: readonly IndexEntry[], pos: number): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((log[mid]?.pos ?? Infinity) <= pos) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class RoutingIndex {
  readonly #db: ReplicatedDb;
  readonly #byId = new Map<string, IndexEntry>();
  /** Entries in seq order; an entry replaced by a newer one of its id stays until compacted. */
  #log: IndexEntry[] = [];
  #stale = 0;
  readonly #children = new Map<string, Set<string>>();
  readonly #duplicateLinks = new DuplicateLinks();
  /** The position of the last change read. */
  #pos = 0;
  /** The database's sequence the index has read up to. */
  #lastSeq: DbSeq = 0;
  /** The position of each database sequence read (of live entries), so tokens resolve at once. */
  readonly #posOf = new Map<string, number>([['0', 0]]);
  /** The catch-up callers may still join: it has not begun reading. */
  #queued: Promise<number> | null = null;
  #running: Promise<unknown> = Promise.resolve();
  /** Longpolls waiting for a change after their position (`waitForChange`). */
  readonly #waiters: ChangeWaiters;
  /** The database incarnation the entries were read from; null before the first catch-up. */
  #generation: string | null = null;
  #generationCheckedAt = -Infinity;

  readonly #compactAfter: number;
  readonly #observers: readonly FeedObserver[];

  /** `compactAfter`: replaced entries the log holds before a rewrite; `observers`: FeedObserver. */
  constructor(
    db: ReplicatedDb,
    {
      compactAfter = 1000,
      observers = [],
    }: { compactAfter?: number; observers?: readonly FeedObserver[] } = {},
  ) {
    this.#db = db;
    this.#compactAfter = compactAfter;
    this.#observers = observers;
    this.#waiters = new ChangeWaiters(db, this);
  }

  /** The position of the last change read. */
  get pos(): number {
    return this.#pos;
  }

  /** The database's sequence the index has read up to. */
  get lastSeq(): DbSeq {
    return this.#lastSeq;
  }

  /** Reads the database's feed up to its present; resolves with the position reached. */
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
    if (Date.now() - this.#generationCheckedAt >= generationCheckMs) {
      const generation = await databaseGeneration(this.#db);
      if (this.#generation !== null && generation !== this.#generation) this.#forget();
      this.#generation = generation;
      this.#generationCheckedAt = Date.now();
    }
    for (;;) {
      const page = await this.#db.changes({
        since: this.#lastSeq,
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
        if (docClassOf(change.id) === 'request') {
          this.#duplicateLinks.set(change.id, keptOf(doc, deleted));
        }
        for (const observer of this.#observers) observer.change(change.id, doc, deleted);
        const pos = ++this.#pos;
        this.#posOf.set(String(change.seq), pos);
        this.#add({ id: change.id, pos, seq: change.seq, rev, leaves, deleted, routing, earlier });
      }
      this.#lastSeq = page.last_seq;
      this.#posOf.set(String(page.last_seq), this.#pos);
      if (page.results.length < pageSize) return this.#pos;
    }
  }

  async #routingOf(id: string, rev: string, deleted: boolean, doc: Body | undefined) {
    if (doc !== undefined && isLive(doc)) return routingProjection(doc);
    if (!deleted) return null;
    // A bare deletion: what the index knew of it, else its history (an index built afresh).
    const known = this.#byId.get(id)?.routing;
    if (known !== undefined && known !== null) return known;
    // The body a bare deletion replaced (written before deletions kept their routing fields).
    const [body] = await storedBodies(this.#db, id, rev, { depth: maxHistory, wanted: 1 });
    return body === undefined ? null : routingProjection(body);
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

  /**
   * Drops everything read from a database that is gone, so the next read starts the new one's feed.
   * Positions go on from where they were: no position a caller holds can name a new change.
   */
  #forget(): void {
    for (const observer of this.#observers) observer.forget();
    this.#byId.clear();
    this.#log = [];
    this.#stale = 0;
    this.#children.clear();
    this.#duplicateLinks.clear();
    this.#posOf.clear();
    this.#posOf.set('0', 0);
    this.#lastSeq = 0;
    // Longpolls wait on the old feed: they answer now, and their next wait starts a new one.
    this.#waiters.wakeAll();
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
      const kept: IndexEntry[] = [];
      for (const e of this.#log) {
        if (this.#byId.get(e.id) === e) kept.push(e);
        else if (this.#posOf.get(String(e.seq)) === e.pos) this.#posOf.delete(String(e.seq));
      }
      this.#log = kept;
      this.#stale = 0;
    }
  }

  /**
   * Resolves once the index holds a change after `pos`, after `ms`, or when `signal` aborts. One
   * live feed of the database serves every waiting longpoll (change-waiters.ts).
   */
  waitForChange(pos: number, ms: number, signal: AbortSignal): Promise<void> {
    return this.#waiters.wait(pos, ms, signal);
  }

  get(id: string): IndexEntry | undefined {
    return this.#byId.get(id);
  }

  /** Every document's latest change after position `pos`, in the database feed's order. */
  *since(pos: number): Generator<IndexEntry> {
    const log = this.#log;
    for (let i = firstAfter(log, pos); i < log.length; i++) {
      const entry = log[i];
      if (entry !== undefined && this.#byId.get(entry.id) === entry) yield entry;
    }
  }

  /** The position of a database sequence this index has read, if it still knows it. */
  knownPos(seq: DbSeq): number | null {
    return this.#posOf.get(String(seq)) ?? null;
  }

  /**
   * Where a feed from the database's sequence `seq` starts. Call on a current index. A sequence
   * the index does not know is asked of the database (its changes since, ids only).
   */
  async start(seq: DbSeq): Promise<FeedStart> {
    const pos = this.knownPos(seq);
    if (pos !== null) return { pos };
    // Whatever the index reads after this point is in the feed too, listed or not below.
    const after = this.#pos;
    const ids = new Set<string>();
    for (let since = seq; ;) {
      const page = await this.#db.changes({ since, limit: pageSize });
      for (const change of page.results) ids.add(change.id);
      if (page.results.length < pageSize) break;
      since = page.last_seq;
    }
    return { ids, after };
  }

  /** Every document's latest change from `start` on, in the database feed's order. */
  *from(start: FeedStart): Generator<IndexEntry> {
    if ('pos' in start) {
      yield* this.since(start.pos);
      return;
    }
    for (const entry of this.since(0)) {
      if (entry.pos > start.after || start.ids.has(entry.id)) yield entry;
    }
  }

  /**
   * The database's sequence just before `entry`: where a feed answer cut short before it ends,
   * as everything before it in the feed has been looked at. Null for the first entry.
   */
  seqBefore(entry: IndexEntry): DbSeq | null {
    const i = firstAfter(this.#log, entry.pos - 1);
    return this.#log[i - 1]?.seq ?? null;
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

  /** The requests closed as duplicates of `requestId`, as far as the index has read. */
  duplicatesOf(requestId: string): string[] {
    return this.#duplicateLinks.of(requestId);
  }

  /** Every document, in no particular order. */
  entries(): IterableIterator<IndexEntry> {
    return this.#byId.values();
  }
}
