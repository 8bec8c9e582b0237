/**
 * What the server has acknowledged of this device's changes, so "waiting to upload" and "everything
 * on this phone is on the server" are facts, not guesses.
 *
 * - `acked_seq`: the local seq up to which the push replication has written to the server and then
 *   checkpointed (PouchDB's `checkpoint` event comes after `_bulk_docs` succeeded). Kept in a
 *   `_local` document, which never replicates, so it survives reloads and tab changes.
 * - Every document changed locally after `acked_seq` is a candidate. It is on the server only if
 *   each of its leaf revisions is known there: pulled from the server, pushed in an acknowledged
 *   batch, or confirmed by the server's `_revs_diff`. Otherwise it is pending.
 * - A document the server refused (`denied`) is never on the server, even though the push's
 *   checkpoint has moved past it; it stays pending and listed until a later revision is accepted.
 */
export type Denied = { id: string; rev: string; reason: string };
export type UploadCount = { pending: number; denied: Denied[] };

type Seq = string | number;
type LedgerDoc = { _id: string; _rev?: string; acked_seq: Seq; denied: Denied[] };
/** A document changed after `acked_seq`: the local seq of its latest change, and its leaves then. */
type Changed = { seq: Seq; leaves: string[] };
/** A row of the local changes feed read with `style: 'all_docs'`: every leaf of the document. */
type ChangeRow = { id: string; seq: Seq; changes: { rev: string }[] };
import { uploadLedgerId } from '../replica/local-doc-ids.ts';
/** Changes read per transaction: a long read would hold up the pull's writes to the same store. */
const scanPage = 1000;

/** `a` is at or before `b`, when both are the numbers local adapters give as seqs. */
const isAtOrBefore = (a: Seq, b: Seq): boolean | undefined =>
  typeof a === 'number' && typeof b === 'number' ? a <= b : undefined;

export class UploadLedger {
  readonly #db: PouchDB.Database;
  #doc: LedgerDoc = { _id: uploadLedgerId, acked_seq: 0, denied: [] };
  /**
   * Revisions known to be on the server, each with the count during which it became known: a count
   * forgets only what was known before its own read of the changes, so a revision pulled while it
   * read is kept for the next count.
   */
  #onServer = new Map<string, number>();
  #counts = 0;
  /**
   * The documents changed after `acked_seq`, kept up to date by reading the local changes feed
   * only from `#readTo` on: the first sync pulls thousands of documents, and reading them all again
   * for every batch made counting quadratic (and held up the pull's own writes).
   */
  #changed = new Map<string, Changed>();
  /**
   * Those of `#changed` with a leaf not known on the server when last looked at. Only these are
   * looked at again: a revision known on the server stays known while its document is changed.
   */
  #pending = new Map<string, string[]>();
  #readTo: Seq = 0;
  /** A read of this ledger's own is under way (`#read`). */
  #busy = false;
  #reading: Promise<unknown> = Promise.resolve();
  #saving: Promise<unknown> = Promise.resolve();

  constructor(db: PouchDB.Database) {
    this.#db = db;
  }

  async load(): Promise<void> {
    this.#doc = await this.#db.get<LedgerDoc>(uploadLedgerId).catch(() => this.#doc);
    this.#changed.clear();
    this.#pending.clear();
    this.#readTo = this.#doc.acked_seq;
  }

  #save(): Promise<unknown> {
    // A failed save must not stop later ones: each writes the whole ledger again.
    this.#saving = this.#saving
      .catch(() => {})
      .then(async () => {
        const { rev } = await this.#db.put(this.#doc);
        this.#doc._rev = rev;
      });
    return this.#saving;
  }

  /** Revisions the server sent us are on the server. */
  pulled(docs: { _id: string; _rev?: string }[]): void {
    for (const d of docs) if (d._rev) this.#onServer.set(`${d._id}@${d._rev}`, this.#counts);
  }

  /** The server accepted these revisions from us: they are on it, and no longer refused. */
  pushed(docs: { _id: string; _rev?: string }[]): void {
    this.pulled(docs);
    const accepted = new Set(docs.map((d) => d._id));
    this.forget(this.#doc.denied.filter((d) => accepted.has(d.id)).map((d) => d.id));
  }

  /** Drops refusals for documents that are gone from the device (purged) or later accepted. */
  forget(ids: string[]): void {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    this.#doc.denied = this.#doc.denied.filter((d) => !gone.has(d.id));
    void this.#save();
  }

  /** The push wrote and checkpointed everything up to `seq`. */
  acknowledged(seq: Seq): Promise<unknown> {
    this.#doc.acked_seq = seq;
    this.#reading = this.#reading.catch(() => {}).then(() => this.#passed(seq));
    return this.#save();
  }

  /** Documents whose latest change is at or before `seq` are candidates no more. */
  #passed(seq: Seq): void {
    const readTo = isAtOrBefore(this.#readTo, seq);
    if (readTo === undefined) {
      // Seqs this cannot compare: read again from the acknowledged seq.
      this.#changed.clear();
      this.#pending.clear();
      this.#readTo = seq;
      return;
    }
    if (readTo) this.#readTo = seq;
    // The map is in seq order, so the passed ones are at its front.
    for (const [id, changed] of this.#changed) {
      if (!isAtOrBefore(changed.seq, seq)) return;
      this.#changed.delete(id);
      this.#pending.delete(id);
    }
  }

  /** The server refused `id`: the revision refused is the one the push just read, our leaf now. */
  async denied(id: string, reason: string): Promise<void> {
    const rev = await this.#db.get(id).then(
      (d) => d._rev,
      () => '',
    );
    this.#doc.denied = [...this.#doc.denied.filter((d) => d.id !== id), { id, rev, reason }];
    await this.#save();
  }

  /** Reads the local changes made since the last read into `#changed`, one read at a time. */
  #read(): Promise<unknown> {
    this.#reading = this.#reading
      .catch(() => {})
      .then(async () => {
        this.#busy = true;
        try {
          for (;;) {
            const since = this.#readTo;
            const feed = await this.#db.changes({ since, style: 'all_docs', limit: scanPage });
            this.#take(since, feed.results, feed.last_seq);
            if (feed.results.length < scanPage) return;
          }
        } finally {
          this.#busy = false;
        }
      });
    return this.#reading;
  }

  /**
   * A page of the local changes feed (`style: 'all_docs'`) that another reader read, the read
   * model: taken as this ledger's own read where it goes on from where that ended, so the first
   * sync's documents are read once for both, not twice.
   */
  observe(page: { since: Seq; results: ChangeRow[]; lastSeq: Seq }): void {
    // During a read of its own, only a page whose overlap with it can be told (numeric seqs).
    if (this.#busy && isAtOrBefore(page.since, this.#readTo) === undefined) return;
    this.#take(page.since, page.results, page.lastSeq);
  }

  /**
   * Changes read in seq order after `since`. Taken from `#readTo` on: a read that starts later is
   * not taken (it would leave a gap), and one that overlaps what is taken already adds the rest.
   */
  #take(since: Seq, results: ChangeRow[], lastSeq: Seq): void {
    const readTo = this.#readTo;
    if (since !== readTo) {
      if (!isAtOrBefore(since, readTo) || !isAtOrBefore(readTo, lastSeq)) return;
      results = results.filter((r) => !isAtOrBefore(r.seq, readTo));
    }
    for (const r of results) {
      // Delete first so that the map stays in seq order (`#passed` drops from the front).
      this.#changed.delete(r.id);
      const leaves = r.changes.map((c) => c.rev);
      this.#changed.set(r.id, { seq: r.seq, leaves });
      if (this.#isOnServer(r.id, leaves)) this.#pending.delete(r.id);
      else this.#pending.set(r.id, leaves);
    }
    this.#readTo = lastSeq;
  }

  #isOnServer(id: string, leaves: string[]): boolean {
    return leaves.every((rev) => this.#onServer.has(`${id}@${rev}`));
  }

  /**
   * The documents changed after the acknowledged seq that are pending. A purge changes no seq, so
   * a pending document is looked up: one that is gone from the device is dropped.
   * (`purgeFromDevice` purges every leaf of a document, never some of them.)
   */
  async #candidates(): Promise<Map<string, string[]>> {
    await this.#read();
    for (const [id, leaves] of this.#pending)
      if (this.#isOnServer(id, leaves)) this.#pending.delete(id);
    if (this.#pending.size > 0) {
      const { rows } = await this.#db.allDocs({ keys: [...this.#pending.keys()] });
      for (const row of rows) {
        if ('error' in row) {
          this.#changed.delete(row.key);
          this.#pending.delete(row.key);
        }
      }
    }
    return new Map(this.#pending);
  }

  /** Asks the server which candidates it already has (`_revs_diff`); call when online. */
  async confirm(remote: PouchDB.Database): Promise<void> {
    const candidates = await this.#candidates();
    if (candidates.size === 0) return;
    const missing = await remote.revsDiff(Object.fromEntries(candidates));
    for (const [id, leaves] of candidates) {
      const lacking = new Set(missing[id]?.missing ?? []);
      for (const rev of leaves)
        if (!lacking.has(rev)) this.#onServer.set(`${id}@${rev}`, this.#counts);
    }
  }

  /**
   * What `count` counts, by document: each pending document's leaves not known on the server, and
   * each refused one's refused revision. For the file of unsent changes (unsent-file.ts).
   */
  async unsent(): Promise<Map<string, string[]>> {
    const unsent = await this.#candidates();
    for (const d of this.#doc.denied) if (!unsent.has(d.id) && d.rev) unsent.set(d.id, [d.rev]);
    return unsent;
  }

  async count(): Promise<UploadCount> {
    const started = ++this.#counts;
    const pending = await this.#candidates();
    // Only revisions changed after the acknowledged seq matter; now and then, forget the rest
    // (those known before this count read the changes: one pulled meanwhile may belong to a change
    // not read yet). Not every count: that is a pass over every pulled revision per batch.
    if (this.#onServer.size > 2 * this.#changed.size + 1000) {
      for (const [key, known] of this.#onServer) {
        if (known < started && !this.#changed.has(key.slice(0, key.lastIndexOf('@'))))
          this.#onServer.delete(key);
      }
    }
    const refusedOnly = this.#doc.denied.filter((d) => !pending.has(d.id));
    return { pending: pending.size + refusedOnly.length, denied: [...this.#doc.denied] };
  }
}
