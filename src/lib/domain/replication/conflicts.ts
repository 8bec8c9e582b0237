/**
 * Resolving a document's conflicting revisions instead of leaving them to pile up: the merged body
 * is written as a child of CouchDB's winning revision and every losing revision is deleted, the
 * procedure of https://docs.couchdb.org/en/stable/replication/conflicts.html#working-with-conflicting-documents.
 * Only live leaves conflict (CouchDB lists deleted ones apart, in `_deleted_conflicts`). The server
 * runs this as soon as a conflict appears; devices show `mergeRequests` of their leaves meanwhile.
 */
import { coordinatorAttention, type AttentionReason } from '../triage/attention.ts';
import { compareRevs, type Tombstone } from '../documents/couch-fields.ts';
import type { StaffDoc } from './document-classes.ts';
import { mergeRequests } from './merge.ts';
import type { RequestDoc } from '../requests/request.ts';
import { changedFields } from './write-integrity.ts';
import { laterFact, serverFieldsOf } from '../places/geocoded.ts';

export type Resolution<T extends StaffDoc> = {
  /** The body to write on top of the winning revision (its `_rev` is the winner's). */
  doc: T;
  /** False when the winner already is the merge: then only the deletions need writing. */
  changed: boolean;
  deletions: Tombstone[];
};

export type RequestResolution = Resolution<RequestDoc> & {
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
  winner: RequestDoc,
  losers: readonly RequestDoc[],
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

/** When a contact or profile revision was written: `updated_at`, else `created_at`. */
const writtenAt = (d: StaffDoc) =>
  ('updated_at' in d && d.updated_at) || ('created_at' in d && d.created_at) || '';

/** Later written first; CouchDB's revision order breaks ties, so every resolver agrees. */
const newerFirst = (a: StaffDoc, b: StaffDoc) =>
  writtenAt(b).localeCompare(writtenAt(a)) || compareRevs(b._rev ?? '0-0', a._rev ?? '0-0');

/** What CouchDB and PouchDB keep beside a body, and the write time, which is merged apart. */
const bookkeeping = new Set(['_id', '_rev', '_conflicts', '_revisions', 'updated_at']);

type Fact = { at: string };

/**
 * The facts only the server writes (a contact's `location`, a profile's `base_centroid`) merge by
 * their own time, whichever revision was written last: the ancestor a field-by-field merge needs
 * is often compacted away already, and a device's later edit must not take the server's point
 * with it.
 */
function withServerFacts<T extends StaffDoc>(merged: T, leaves: readonly T[]): T {
  const fields = serverFieldsOf(merged.type);
  if (fields.length === 0) return merged;
  const body: Record<string, unknown> = { ...merged };
  for (const field of fields) {
    const fact = leaves
      .map((d) => (d as Record<string, unknown>)[field] as Fact | undefined)
      .reduce((a, b) => laterFact(a, b), undefined);
    if (fact === undefined) delete body[field];
    else body[field] = fact;
  }
  return body as T;
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Contacts and profiles have no registers. With the revision the conflicting ones grew from
 * (`ancestor`), they merge field by field: each top-level field takes the value of the latest
 * revision that changed it, so a coordinator changing a volunteer's areas and another confirming
 * their DBS check, both offline, keep both. Where two revisions changed one field, or without the
 * ancestor (compacted away), the revision written last wins (`updated_at`, then CouchDB's revision
 * order); the losing value stays in the losing revision's history until compaction.
 */
export function resolveLatestWins<T extends StaffDoc>(
  winner: T,
  losers: readonly T[],
  ancestor: T | null = null,
): Resolution<T> {
  const byAge = [winner, ...losers].sort(newerFirst);
  const latest = byAge[0] ?? winner;
  let merged: T = latest;
  if (ancestor !== null && ancestor.type === winner.type) {
    const body: Record<string, unknown> = { ...latest };
    const fields = new Set(byAge.flatMap((d) => Object.keys(d)));
    for (const field of fields) {
      if (bookkeeping.has(field)) continue;
      const before = (ancestor as Record<string, unknown>)[field];
      const changer = byAge.find((d) => !same((d as Record<string, unknown>)[field], before));
      const value = (changer ?? latest) as Record<string, unknown>;
      if (field in value) body[field] = value[field];
      else delete body[field];
    }
    merged = body as T;
  }
  const doc = onWinner(winner, withServerFacts(merged, byAge));
  return { doc, changed: changedFields(winner, doc).length > 0, deletions: deletionsOf(losers) };
}
