/**
 * After a write, a document with conflicting revisions is settled on the server at once: the
 * domain's merge written on the winning revision and the losers deleted (conflicts.ts), so every
 * device converges on the same revision instead of each keeping its own pile of leaves.
 */
import { resolveConflicts, resolveLatestWins, type Resolution } from '#domain/staff/conflicts.ts';
import type { StaffDoc } from '#domain/staff/documents.ts';
import type { StaffRequestDoc } from '#domain/staff/request-doc.ts';
import type { ReplicaDb } from '../storage.ts';

type WithHistory = StaffDoc & { _revisions?: { start: number; ids: string[] } };

const historyOf = (doc: WithHistory): string[] =>
  doc._revisions?.ids.map((id, i) => `${(doc._revisions?.start ?? 0) - i}-${id}`) ?? [];

/**
 * The newest revision every leaf grew from, if its body is still stored (CouchDB compacts old
 * bodies away): what a field-by-field merge compares each leaf with.
 */
async function commonAncestor(db: ReplicaDb, leaves: readonly WithHistory[]) {
  const [first, ...rest] = leaves.map(historyOf);
  const others = rest.map((h) => new Set(h));
  const common = first?.find((rev) => others.every((h) => h.has(rev)));
  if (common === undefined) return null;
  try {
    const body = (await db.get(leaves[0]?._id ?? '', { rev: common })) as unknown as StaffDoc;
    return typeof body.type === 'string' ? body : null;
  } catch {
    return null;
  }
}

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
  if (winner.type === 'request') {
    const resolution = resolveConflicts(winner as StaffRequestDoc, losers as StaffRequestDoc[]);
    await write(db, resolution);
    return;
  }
  const histories = (await Promise.all(
    [winner._rev ?? '', ...leaves].map((rev) => db.get(id, { rev, revs: true })),
  )) as unknown as WithHistory[];
  await write(db, resolveLatestWins(winner, losers, await commonAncestor(db, histories)));
}

async function write(db: ReplicaDb, resolution: Resolution<StaffDoc>): Promise<void> {
  const writes = [...(resolution.changed ? [resolution.doc] : []), ...resolution.deletions];
  await db.bulkDocs(writes as PouchDB.Core.PutDocument<object>[]);
}
