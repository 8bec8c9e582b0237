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

type LedgerDoc = { _id: string; _rev?: string; acked_seq: string | number; denied: Denied[] };
const ledgerId = '_local/cymorth-uploads';

export class UploadLedger {
  readonly #db: PouchDB.Database;
  #doc: LedgerDoc = { _id: ledgerId, acked_seq: 0, denied: [] };
  #onServer = new Set<string>();
  #saving: Promise<unknown> = Promise.resolve();

  constructor(db: PouchDB.Database) {
    this.#db = db;
  }

  async load(): Promise<void> {
    this.#doc = await this.#db.get<LedgerDoc>(ledgerId).catch(() => this.#doc);
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
    for (const d of docs) if (d._rev) this.#onServer.add(`${d._id}@${d._rev}`);
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
  acknowledged(seq: string | number): Promise<unknown> {
    this.#doc.acked_seq = seq;
    return this.#save();
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

  /** Documents changed after the acknowledged seq, with their leaves, and which are pending. */
  async #candidates(): Promise<{ changed: Set<string>; pending: Map<string, string[]> }> {
    const feed = await this.#db.changes({ since: this.#doc.acked_seq, style: 'all_docs' });
    const changed = new Set<string>();
    const pending = new Map<string, string[]>();
    for (const r of feed.results) {
      changed.add(r.id);
      const leaves = r.changes.map((c) => c.rev);
      if (!leaves.every((rev) => this.#onServer.has(`${r.id}@${rev}`))) pending.set(r.id, leaves);
    }
    return { changed, pending };
  }

  /** Asks the server which candidates it already has (`_revs_diff`); call when online. */
  async confirm(remote: PouchDB.Database): Promise<void> {
    const { pending: candidates } = await this.#candidates();
    if (candidates.size === 0) return;
    const missing = await remote.revsDiff(Object.fromEntries(candidates));
    for (const [id, leaves] of candidates) {
      const lacking = new Set(missing[id]?.missing ?? []);
      for (const rev of leaves) if (!lacking.has(rev)) this.#onServer.add(`${id}@${rev}`);
    }
  }

  async count(): Promise<UploadCount> {
    const { changed, pending } = await this.#candidates();
    // Only revisions changed after the acknowledged seq matter; forget the rest.
    for (const key of this.#onServer) {
      if (!changed.has(key.slice(0, key.lastIndexOf('@')))) this.#onServer.delete(key);
    }
    const refusedOnly = this.#doc.denied.filter((d) => !pending.has(d.id));
    return { pending: pending.size + refusedOnly.length, denied: [...this.#doc.denied] };
  }
}
