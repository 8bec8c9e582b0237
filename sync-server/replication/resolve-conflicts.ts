/**
 * After a write, a document with conflicting revisions is settled on the server at once: the
 * domain's merge written on the winning revision and the losers deleted (conflicts.ts), so every
 * device converges on the same revision instead of each keeping its own pile of leaves.
 */
import { resolveConflicts, resolveLatestWins } from '#domain/staff/conflicts.ts';
import type { StaffDoc } from '#domain/staff/documents.ts';
import type { StaffRequestDoc } from '#domain/staff/request-doc.ts';
import type { ReplicaDb } from '../storage.ts';

export async function settleConflicts(db: ReplicaDb, id: string): Promise<void> {
  let winner: StaffDoc;
  try {
    winner = (await db.get(id, { conflicts: true })) as unknown as StaffDoc;
  } catch {
    return; // Deleted: CouchDB keeps deleted leaves apart, they are no conflict.
  }
  const leaves = winner._conflicts ?? [];
  if (leaves.length === 0) return;
  const losers = (await Promise.all(
    leaves.map((rev) => db.get(id, { rev })),
  )) as unknown as StaffDoc[];
  const resolution =
    winner.type === 'request'
      ? resolveConflicts(winner, losers as StaffRequestDoc[])
      : resolveLatestWins(winner, losers);
  const writes = [...(resolution.changed ? [resolution.doc] : []), ...resolution.deletions];
  await db.bulkDocs(writes as PouchDB.Core.PutDocument<object>[]);
}
