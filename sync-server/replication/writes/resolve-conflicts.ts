/**
 * After a write, a document with conflicting revisions is settled on the server at once: the
 * domain's merge written on the winning revision and the losers deleted (conflicts.ts), so every
 * device converges on the same revision instead of each keeping its own pile of leaves.
 *
 * The same plan (`resolutionOf`) is what `_bulk_docs` predicts before it stores a replicated
 * revision, so the change it judges is the change that is then written (present-outcome.ts).
 */
import {
  resolveConflicts,
  resolveLatestWins,
  type Resolution,
} from '#domain/replication/conflicts.ts';
import { compareRevs } from '#domain/documents/couch-fields.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { revisionsNamedBy } from '#domain/replication/revision-history.ts';
import type { ReplicatedDb } from '../../storage/storage.ts';

type WithHistory = StaffDoc & { _revisions?: { start: number; ids: string[] } };

/**
 * The newest revision every leaf grew from, if its body is still stored (CouchDB compacts old
 * bodies away): what a field-by-field merge compares each leaf with.
 */
async function commonAncestor(db: ReplicatedDb, leaves: readonly WithHistory[]) {
  const [first, ...rest] = leaves.map(revisionsNamedBy);
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

/** A leaf's body with its revision history: as given when it carries one, else as stored. */
async function withHistory(db: ReplicatedDb, leaf: WithHistory): Promise<WithHistory> {
  if (leaf._revisions !== undefined) return leaf;
  return (await db.get(leaf._id, { rev: leaf._rev ?? '', revs: true })) as unknown as WithHistory;
}

/**
 * How these live leaves of one document settle: CouchDB's winner among them (the highest
 * revision) carries the merge, the others are deleted. Leaves not yet stored must carry their
 * `_revisions`.
 */
export async function resolutionOf(
  db: ReplicatedDb,
  leaves: readonly StaffDoc[],
): Promise<Resolution<StaffDoc>> {
  const ordered = [...leaves].sort((a, b) => compareRevs(b._rev ?? '0-0', a._rev ?? '0-0'));
  const [winner, ...losers] = ordered;
  if (winner === undefined) throw new Error('no leaves to resolve');
  if (winner.type === 'request') {
    return resolveConflicts(winner as RequestDoc, losers as RequestDoc[]);
  }
  const histories = await Promise.all(ordered.map((leaf) => withHistory(db, leaf)));
  return resolveLatestWins(winner, losers, await commonAncestor(db, histories));
}

/** The live leaves of a stored document: its winner and its `_conflicts`; none when deleted. */
export async function liveLeaves(db: ReplicatedDb, id: string): Promise<StaffDoc[]> {
  let winner: StaffDoc;
  try {
    winner = (await db.get(id, { conflicts: true })) as unknown as StaffDoc;
  } catch {
    return []; // Deleted: CouchDB keeps deleted leaves apart, they are no conflict.
  }
  const revs = winner._conflicts ?? [];
  delete winner._conflicts;
  const losers = (await Promise.all(
    revs.map((rev) => db.get(id, { rev })),
  )) as unknown as StaffDoc[];
  return [winner, ...losers];
}

export async function settleConflicts(db: ReplicatedDb, id: string): Promise<void> {
  const leaves = await liveLeaves(db, id);
  if (leaves.length < 2) return;
  await write(db, await resolutionOf(db, leaves));
}

/** Settles those of `ids` that are in conflict, found with one read rather than one per id. */
export async function settleAll(db: ReplicatedDb, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 100) {
    const keys = ids.slice(i, i + 100);
    const found = await db.allDocs({ keys, include_docs: true, conflicts: true });
    for (const row of found.rows) {
      if ('error' in row || row.value.deleted) continue;
      if ((row.doc as { _conflicts?: string[] } | undefined)?._conflicts?.length) {
        await settleConflicts(db, row.id);
      }
    }
  }
}

async function write(db: ReplicatedDb, resolution: Resolution<StaffDoc>): Promise<void> {
  const writes = [...(resolution.changed ? [resolution.doc] : []), ...resolution.deletions];
  await db.bulkDocs(writes as PouchDB.Core.PutDocument<object>[]);
}
