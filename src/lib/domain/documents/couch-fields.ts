/**
 * The underscore fields CouchDB itself puts on a document, and nothing else: `_rev` always once
 * stored, `_deleted` on a deletion, `_revisions` when a replicator sends or asks for the history
 * (`_bulk_docs` with `new_edits: false`, `GET ?revs=true`), `_conflicts` on `GET ?conflicts=true`.
 * `_attachments` and the rest are refused: Cymorth stores none.
 * https://docs.couchdb.org/en/stable/api/document/common.html
 */
import * as v from 'valibot';
import { docClassOf, requestIdOf, type DocClass } from './doc-ids.ts';

/** `<generation>-<hash>`: PouchDB and CouchDB both write a 32-digit hex hash. */
export const revSchema = v.pipe(
  v.string('invalid'),
  v.regex(/^[1-9]\d{0,8}-[0-9a-f]{1,64}$/, 'invalid'),
);

export const couchFields = {
  _rev: v.optional(revSchema),
  _deleted: v.optional(v.boolean('invalid')),
  _revisions: v.optional(
    v.strictObject(
      {
        start: v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(1, 'invalid')),
        ids: v.array(
          v.pipe(v.string('invalid'), v.regex(/^[0-9a-f]{1,64}$/, 'invalid')),
          'invalid',
        ),
      },
      'invalid',
    ),
  ),
  _conflicts: v.optional(v.array(revSchema, 'invalid')),
};

export type CouchMeta = {
  _rev?: string;
  _deleted?: boolean;
  _revisions?: { start: number; ids: string[] };
  _conflicts?: string[];
};

/** What PouchDB's `remove()` stores: the id, the revision and the flag, no body. */
export const tombstoneSchema = v.strictObject(
  {
    _id: v.string('invalid'),
    _rev: couchFields._rev,
    _deleted: v.literal(true, 'invalid'),
    _revisions: couchFields._revisions,
  },
  'invalid',
);
export type Tombstone = v.InferOutput<typeof tombstoneSchema>;

/** The generation of a revision, `3` for `3-abc…`. */
export function revGeneration(rev: string): number {
  return Number.parseInt(rev, 10);
}

/**
 * CouchDB's deterministic winner: the higher generation, then the higher hash in ASCII order, so
 * every node picks the same one without talking to the others.
 * https://docs.couchdb.org/en/stable/replication/conflicts.html#working-with-conflicting-documents
 */
export function compareRevs(a: string, b: string): number {
  const byGeneration = revGeneration(a) - revGeneration(b);
  if (byGeneration !== 0) return Math.sign(byGeneration);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An `_id` of the given class (`note:<uuid>:<uuid>`, `area:<slug>`, …): the id decides the class. */
export function idOfClass(cls: DocClass) {
  return v.pipe(
    v.string('invalid'),
    v.check((id: string) => docClassOf(id) === cls, 'invalid'),
  );
}

type OfARequest = { _id: string; request_id: string };

const agrees = v.forward<OfARequest, v.PartialCheckIssue<OfARequest>, ['request_id']>(
  v.partialCheck<OfARequest, [['_id'], ['request_id']], OfARequest, 'wrong_request'>(
    [['_id'], ['request_id']],
    (doc) => doc.request_id === requestIdOf(doc._id),
    'wrong_request',
  ),
  ['request_id'],
);

/**
 * A contact, note or event names its request twice, in its id and in `request_id`, and the two
 * must agree: access is judged by the id, while the screens find them by `request_id`. A
 * mismatch is reported on `request_id` (`wrong_request`).
 */
export function requestIdAgrees<T extends OfARequest>() {
  // It reads those two fields alone, so it holds for any document that has them.
  return agrees as unknown as v.BaseValidation<T, T, v.PartialCheckIssue<OfARequest>>;
}
