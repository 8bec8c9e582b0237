/**
 * Resolving a document's conflicting revisions instead of leaving them to pile up: the merged body
 * is written as a child of CouchDB's winning revision and every losing revision is deleted, the
 * procedure of https://docs.couchdb.org/en/stable/replication/conflicts.html#working-with-conflicting-documents.
 * Only live leaves conflict (CouchDB lists deleted ones apart, in `_deleted_conflicts`). The server
 * runs this as soon as a conflict appears; devices show `mergeRequests` of their leaves meanwhile.
 */
import { coordinatorAttention, type AttentionReason } from './attention.ts';
import { compareRevs, type Tombstone } from './couch-fields.ts';
import type { StaffDoc } from './documents.ts';
import { mergeRequests } from './merge.ts';
import type { StaffRequestDoc } from './request-doc.ts';
import { changedFields } from './write-integrity.ts';

export type Resolution<T extends StaffDoc> = {
  /** The body to write on top of the winning revision (its `_rev` is the winner's). */
  doc: T;
  /** False when the winner already is the merge: then only the deletions need writing. */
  changed: boolean;
  deletions: Tombstone[];
};

export type RequestResolution = Resolution<StaffRequestDoc> & {
  needsCoordinator: boolean;
  reasons: AttentionReason[];
};

const deletionsOf = (losers: readonly StaffDoc[]): Tombstone[] =>
  losers.map((l) => ({
    _id: l._id,
    ...(l._rev === undefined ? {} : { _rev: l._rev }),
    _deleted: true,
  }));

/** The merged body without CouchDB's read-only extras, as a child of the winning revision. */
function onWinner<T extends StaffDoc>(winner: T, merged: T): T {
  const body: Partial<T> = { ...merged };
  delete body._conflicts;
  delete body._revisions;
  delete body._rev;
  return { ...body, ...(winner._rev === undefined ? {} : { _rev: winner._rev }) } as T;
}

export function resolveConflicts(
  winner: StaffRequestDoc,
  losers: readonly StaffRequestDoc[],
): RequestResolution {
  const doc = onWinner(winner, losers.reduce(mergeRequests, winner));
  const reasons = coordinatorAttention(doc);
  return {
    doc,
    changed: changedFields(winner, doc).length > 0,
    deletions: deletionsOf(losers),
    needsCoordinator: reasons.length > 0,
    reasons,
  };
}

/**
 * Contacts and profiles have no registers: the revision written last wins whole (`updated_at`, then
 * CouchDB's revision order). Edits to them are rare and by few people; a lost one is still in the
 * losing revision's history until compaction.
 */
export function resolveLatestWins<T extends StaffDoc>(
  winner: T,
  losers: readonly T[],
): Resolution<T> {
  const written = (d: StaffDoc) =>
    ('updated_at' in d && d.updated_at) || ('created_at' in d && d.created_at) || '';
  const latest = [winner, ...losers].reduce((best, d) => {
    const byTime = written(d).localeCompare(written(best));
    return byTime > 0 || (byTime === 0 && compareRevs(d._rev ?? '0-0', best._rev ?? '0-0') > 0)
      ? d
      : best;
  });
  const doc = onWinner(winner, latest);
  return { doc, changed: changedFields(winner, doc).length > 0, deletions: deletionsOf(losers) };
}
