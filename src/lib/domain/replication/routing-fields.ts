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
import type { StoredDoc } from './document-classes.ts';

/**
 * Per class, the fields `canRead` looks at (read-access.ts, beside this file): change one, change
 * the other. The server's routing index keeps only these (routingProjection), and a deletion keeps
 * them (routableTombstone).
 */
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
 * `deletion` as it is stored: CouchDB's own fields and the routing fields of `replaced`, the live
 * revision it deletes (or, without one, of the deletion's own body). Whatever else a deletion
 * carries is dropped, so a contact deleted with its body attached keeps no name or address in the
 * tombstone, which outlives compaction.
 */
export function routableTombstone(deletion: StoredDoc, replaced: StoredDoc | null): StoredDoc {
  if (deletion._deleted !== true) return deletion;
  const meta: Record<string, unknown> = { _id: deletion._id, _deleted: true };
  if (deletion._rev !== undefined) meta._rev = deletion._rev;
  if (deletion._revisions !== undefined) meta._revisions = deletion._revisions;
  const live = replaced !== null && 'type' in replaced && replaced._deleted !== true;
  const source = live ? replaced : 'type' in deletion ? deletion : null;
  if (source === null) return meta as unknown as StoredDoc;
  return { ...routingFieldsOf(source as { type: string }), ...meta } as unknown as StoredDoc;
}
