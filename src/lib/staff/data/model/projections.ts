/**
 * What each replicated document becomes in the read model (read-model.ts): one row in one table,
 * shaped for the indexes the screens query. Pure, so it is tested without IndexedDB. A document that
 * fails the domain schema projects to nothing (docs/architecture.md, "Bad input": replicated documents too).
 *
 * IndexedDB cannot index `null`, so an unrouted request has `area: ''` and an unassigned one
 * `assignee: ''`: "unassigned in Ceredigion" stays an index lookup.
 */
import type { NoteDoc, EventDoc } from '#domain/records/append-only-docs.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { docClassOf, type DocClass } from '#domain/documents/doc-ids.ts';
import { isDeleted, parseStaffDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import type { DeskFields } from './desk-order.ts';

type Row<T> = Omit<T, '_id' | '_rev' | '_deleted' | '_revisions' | '_conflicts'> & { id: string };

/** A request as one document projects it, before its contact joins it (desk-rows.ts). */
export type ProjectedRequest = Omit<Row<RequestDoc>, 'area' | 'assignee'> & {
  area: string;
  assignee: string;
};
/**
 * A request row as stored: with its place in the queue, the keys search finds it by
 * (search/search-keys.ts) and the keys its possible duplicates share (duplicates/duplicate-keys.ts).
 */
export type RequestRow = ProjectedRequest & DeskFields & { search: string[]; dupkeys: string[] };
export type ContactRow = Row<ContactDoc>;
export type NoteRow = Row<NoteDoc>;
export type EventRow = Row<EventDoc>;
export type VolunteerRow = Row<VolunteerDoc>;
export type AreaRow = Row<AreaDoc>;

export type TableName = 'requests' | 'contacts' | 'notes' | 'events' | 'volunteers' | 'areas';

export const tableOfClass: Record<DocClass, TableName> = {
  request: 'requests',
  contact: 'contacts',
  note: 'notes',
  event: 'events',
  volunteer: 'volunteers',
  area: 'areas',
};

/** Put this row, delete this id, or leave the model alone (an id no table takes). */
export type Projection =
  | { op: 'put'; table: TableName; row: { id: string } }
  | { op: 'delete'; table: TableName; id: string; invalid?: true }
  | { op: 'skip'; id: string };

function rowOf<T extends { _id: string }>(doc: T): Row<T> {
  const { _id, ...rest } = doc as T & Record<string, unknown>;
  for (const key of ['_rev', '_deleted', '_revisions', '_conflicts']) delete rest[key];
  return { id: _id, ...rest } as unknown as Row<T>;
}

export function projectRequest(doc: RequestDoc): ProjectedRequest {
  return { ...rowOf(doc), area: doc.area ?? '', assignee: doc.assignee ?? '' };
}

/** The projection of one document as PouchDB's changes feed gives it (`include_docs`). */
export function projectDoc(id: string, doc: unknown): Projection {
  const cls = docClassOf(id);
  if (cls === null) return { op: 'skip', id };
  const table = tableOfClass[cls];
  const parsed = parseStaffDoc(doc);
  // A body that does not validate removes the row rather than leave a stale one on screen.
  if (!parsed.ok || parsed.doc._id !== id) return { op: 'delete', table, id, invalid: true };
  const stored = parsed.doc;
  if (isDeleted(stored) || !('type' in stored)) return { op: 'delete', table, id };
  const row = stored.type === 'request' ? projectRequest(stored) : rowOf(stored);
  return { op: 'put', table, row };
}

/** What the model adds to a request row, which the document does not carry. */
const deskKeys = ['queue', 'rank', 'score', 'reasons', 'overdue', 'triage_day', 'search', 'dupkeys'];

/** A request row back as the document the domain judges (`''` meant null, see above). */
export function requestOfRow(row: ProjectedRequest): RequestDoc {
  const { id, area, assignee, ...rest } = row;
  const fields: Record<string, unknown> = { ...rest };
  for (const key of deskKeys) delete fields[key];
  return {
    ...(fields as Omit<ProjectedRequest, 'id' | 'area' | 'assignee'>),
    _id: id,
    area: area || null,
    assignee: assignee || null,
  };
}

/** Any other row back as its document: the model only renamed `_id` to `id`. */
export function docOfRow<T extends { _id: string }>(row: Row<T>): T {
  const { id, ...rest } = row;
  return { ...rest, _id: id } as unknown as T;
}

/** A profile's row back as the document the domain judges. */
export const profileOfRow = (row: VolunteerRow): VolunteerDoc => docOfRow<VolunteerDoc>(row);
