/**
 * A deletion is stored with the few fields the read policy judges it by, never a bare
 * `{ _id, _rev, _deleted }`. Who may see a deletion is whoever could read the document's last live
 * revision (read-filter.ts), and a bare tombstone is judged by that revision's body; but CouchDB
 * compacts old revision bodies away on its own (and PouchDB when asked), after which a bare
 * deletion is visible to nobody and devices holding the document keep it for ever. The tombstone,
 * the leaf, keeps its body through compaction, so what it needs is kept there. CouchDB's advice for
 * deletions that filters must still route: https://docs.couchdb.org/en/stable/api/document/common.html#delete--db-docid
 *
 * Only routing fields, never personal ones: a deleted contact keeps its request id, not the name,
 * address or health details (UK GDPR: what is deleted should not live on in a tombstone).
 */
import type { StoredDoc } from '#domain/staff/documents.ts';

/** Per class, the fields `canRead` looks at (src/lib/domain/staff/read-access.ts). */
const routingFields: Record<string, readonly string[]> = {
  request: ['area', 'status', 'assignee', 'assignments', 'fields_meta', 'consent'],
  contact: ['request_id'],
  note: ['request_id', 'author', 'for_assignee'],
  event: ['request_id', 'author'],
  volunteer: ['areas'],
  area: [],
};

/**
 * A document's type and routing fields, all `canRead` needs to judge it (a request's `fields_meta`
 * only as far as its status stamp, the volunteer retention clock). Nothing personal is kept.
 */
function routingFieldsOf(doc: { type: string }): Record<string, unknown> {
  const kept: Record<string, unknown> = { type: doc.type };
  for (const field of routingFields[doc.type] ?? []) {
    const value = (doc as Record<string, unknown>)[field];
    if (value !== undefined) kept[field] = value;
  }
  if (doc.type === 'request') {
    const meta = (doc as { fields_meta?: Record<string, unknown> }).fields_meta;
    kept.fields_meta = { status: meta?.status };
  }
  return kept;
}

/** A live body as the routing index holds it (routing-index.ts): its id, type and routing fields. */
export function routingProjection<T extends { _id: string; type?: unknown }>(doc: T): T {
  if (typeof doc.type !== 'string') return { _id: doc._id } as T;
  return { _id: doc._id, ...routingFieldsOf(doc as { type: string }) } as T;
}

/**
 * `deletion` (a bare tombstone about to be written) with the routing fields of `replaced`, the
 * live revision it deletes; unchanged when there is no live revision to take them from.
 */
export function routableTombstone(deletion: StoredDoc, replaced: StoredDoc | null): StoredDoc {
  if (deletion._deleted !== true || 'type' in deletion) return deletion;
  if (replaced === null || !('type' in replaced) || replaced._deleted === true) return deletion;
  return { ...routingFieldsOf(replaced), ...deletion } as unknown as StoredDoc;
}
