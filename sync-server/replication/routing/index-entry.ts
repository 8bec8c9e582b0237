/**
 * What the routing index (routing-index.ts) holds of each replicated document, and the positions
 * a feed is read from. Shared by the index and by everything that judges reads on it, so neither
 * side defines the other's types.
 */

/** A stored body as routing reads it: its id, revision, deletion and type, whatever else it holds. */
export type Body = { _id: string; _rev?: string; _deleted?: boolean; type?: unknown };

/** A database's update sequence as it gives it: a number (PouchDB), an opaque string (CouchDB 3). */
export type DbSeq = number | string;

/**
 * Where a feed starts: after an index position, or (a sequence this index never read: written
 * before it started, or read by another instance) at the documents the database lists as changed
 * since, plus whatever the index read after it asked.
 */
export type FeedStart = { pos: number } | { ids: ReadonlySet<string>; after: number };

export type IndexEntry = {
  readonly id: string;
  /** This index's own order of the changes it read: CouchDB's sequences cannot be compared. */
  readonly pos: number;
  /** The database's sequence for this change, as handed to devices in tokens. */
  readonly seq: DbSeq;
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

/**
 * Something else kept from the same pass over the feed (reports' facts, sync-server/reports/): told
 * of each change as the index reads it, in order, and to forget everything when the database was
 * made again. A second reader of the feed would read every body twice.
 */
export type FeedObserver = {
  change(id: string, doc: Body | undefined, deleted: boolean): void;
  forget(): void;
};
