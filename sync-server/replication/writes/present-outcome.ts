/**
 * What the stored winner of a document would become if a replicated revision (`new_edits:
 * false`) were stored: the change a write is judged by (docs/architecture.md, "Decisions": writes
 * are judged against the present). A device may send a revision that branches off any old
 * revision it still holds, so the ancestor it names proves nothing; what matters is the winner
 * after CouchDB's revision tree takes the branch and the server settles the conflict
 * (resolve-conflicts.ts), which is predicted here with the same plan the write then carries out.
 * https://docs.couchdb.org/en/stable/replication/conflicts.html
 */
import type { StaffDoc, StoredDoc } from '#domain/replication/document-classes.ts';
import { revisionsNamedBy } from '#domain/replication/revision-history.ts';
import type { ReplicatedDb } from '../../storage/storage.ts';
import { liveLeaves, resolutionOf } from './resolve-conflicts.ts';

/** The stored state a write is judged against: the winner and every live leaf. */
export type Present = {
  /** The winning revision; a deletion as a bare tombstone; null when the id never existed. */
  winner: StoredDoc | null;
  /** Every live leaf, the winner first; empty when deleted or new. */
  leaves: StaffDoc[];
};

export type Outcome = {
  /** The winner once the revision is stored and any conflict settled. */
  after: StoredDoc;
  /**
   * A deletion on a stale branch deletes nothing by itself (a live leaf beats a deleted one), so
   * it is carried out on the present winner, which is what its writer meant and was judged on.
   */
  deletesPresent: boolean;
};

/** Read in slices, so one large batch never holds the event loop for long (bulk-docs.ts). */
const slice = 100;

export async function presentOf(db: ReplicatedDb, ids: readonly string[]) {
  const present = new Map<string, Present>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += slice) {
    const keys = unique.slice(i, i + slice);
    const result = await db.allDocs({ keys, include_docs: true, conflicts: true });
    for (const row of result.rows) {
      if ('error' in row) continue;
      if (row.value.deleted) {
        const winner = { _id: row.id, _rev: row.value.rev, _deleted: true as const };
        present.set(row.id, { winner, leaves: [] });
        continue;
      }
      const doc = row.doc as unknown as StaffDoc;
      const leaves = doc._conflicts === undefined ? [doc] : await liveLeaves(db, row.id);
      delete doc._conflicts;
      present.set(row.id, { winner: doc, leaves });
    }
  }
  return present;
}

/**
 * The revisions a replicated document names as itself and its ancestors: a present leaf among them
 * is replaced by it. (A revision path, not the history events an edit leaves on a request.)
 */
/** `incoming` has passed the schema and the history bounds (revision-history.ts). */
export async function outcomeOf(
  db: ReplicatedDb,
  present: Present | undefined,
  incoming: StoredDoc,
): Promise<Outcome> {
  if (present === undefined || present.winner === null)
    return { after: incoming, deletesPresent: false };
  const replaced = new Set(revisionsNamedBy(incoming));
  const remaining = present.leaves.filter((leaf) => !replaced.has(leaf._rev ?? ''));
  if (incoming._deleted === true) {
    const replacesALeaf = remaining.length < present.leaves.length;
    if (!replacesALeaf && present.leaves.length > 0) {
      return { after: { ...incoming, _rev: present.winner._rev }, deletesPresent: true };
    }
    if (remaining.length === 0) return { after: incoming, deletesPresent: false };
    return { after: await settled(db, remaining), deletesPresent: false };
  }
  const leaves = [incoming as StaffDoc, ...remaining];
  return { after: await settled(db, leaves), deletesPresent: false };
}

async function settled(db: ReplicatedDb, leaves: StaffDoc[]): Promise<StoredDoc> {
  if (leaves.length === 1 && leaves[0] !== undefined) return leaves[0];
  return (await resolutionOf(db, leaves)).doc;
}
