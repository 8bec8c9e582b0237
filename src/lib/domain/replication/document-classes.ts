/**
 * Every class of document in the replicated database, and the one entry point that validates a
 * document from outside (a replicator's `_bulk_docs`, a form). The class comes from the id, so a body
 * cannot claim to be something its id says it is not, and a deletion may carry no body at all.
 */
import * as v from 'valibot';
import { issuesToFields, type FieldErrors } from '../questions/request-schema.ts';
import {
  eventDocSchema,
  noteDocSchema,
  type EventDoc,
  type NoteDoc,
} from '../records/append-only-docs.ts';
import { areaDocSchema, type AreaDoc } from '../areas/area-doc.ts';
import { contactDocSchema, type ContactDoc } from '../requests/contact.ts';
import { tombstoneSchema, type Tombstone } from '../documents/couch-fields.ts';
import { docClassOf, type DocClass } from '../documents/doc-ids.ts';
import { requestDocSchema, type RequestDoc } from '../requests/request.ts';
import { volunteerDocSchema, type VolunteerDoc } from '../people/volunteer-doc.ts';

export type StaffDoc = RequestDoc | ContactDoc | NoteDoc | EventDoc | VolunteerDoc | AreaDoc;

/** A document as stored: a live body, or a deletion (with or without the last body). */
export type StoredDoc = StaffDoc | Tombstone;

export type { Tombstone };

const schemas: Record<DocClass, v.GenericSchema<unknown, StaffDoc>> = {
  request: requestDocSchema,
  contact: contactDocSchema,
  note: noteDocSchema,
  event: eventDocSchema,
  volunteer: volunteerDocSchema,
  area: areaDocSchema,
};

/** Notes and events are written once: never changed, never deleted. */
export const isAppendOnly = (cls: DocClass) => cls === 'note' || cls === 'event';

export function isDeleted(doc: StoredDoc): boolean {
  return doc._deleted === true;
}

/** A deletion that carries no body, as PouchDB's `remove()` writes it. */
export function isBareTombstone(doc: StoredDoc): doc is Tombstone {
  return doc._deleted === true && !('type' in doc);
}

export type ParseResult = { ok: true; doc: StoredDoc } | { ok: false; fields: FieldErrors };

export function parseStaffDoc(input: unknown): ParseResult {
  const id = typeof input === 'object' && input !== null ? (input as { _id?: unknown })._id : null;
  const cls = typeof id === 'string' ? docClassOf(id) : null;
  if (cls === null) return { ok: false, fields: { _id: 'invalid' } };
  const body = input as Record<string, unknown>;
  const bare = body._deleted === true && !Object.hasOwn(body, 'type');
  const schema = bare ? tombstoneSchema : schemas[cls];
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, doc: result.output };
  return { ok: false, fields: issuesToFields(result.issues) };
}
