/**
 * A request row joined with its contact: its place in the queue (desk-order.ts), its search keys
 * and the keys its possible duplicates share (the domain's search/ and duplicates/) depend on both
 * documents, which reach the model separately. Run inside
 * the read model's write transaction for each batch, so a row is never stored without them, and
 * once a day for open requests, whose scores move with the date (retriage.ts).
 */
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { duplicateKeys, taggedDuplicateKeys } from '#domain/duplicates/duplicate-keys.ts';
import { requestSearchKeys, taggedSearchKeys } from '#domain/search/search-keys.ts';
import { deskFields, searchEntry, searchOrder } from './desk-order.ts';
import type { ContactRow, ProjectedRequest, RequestRow } from './projections.ts';
import type { EntityTable } from 'dexie';

const contactOf = (row: ContactRow | undefined): ContactDoc | null =>
  row ? ({ ...row, _id: row.id } as ContactDoc) : null;

const requestIdOfContact = (row: ContactRow) => row.request_id;

/** `projected` with what its contact (or none) adds, judged at `now`. */
export function joinRow(projected: ProjectedRequest, contact: ContactRow | undefined, now: string) {
  const c = contactOf(contact);
  const doc = { ...projected, _id: projected.id, assignee: projected.assignee || null };
  const desk = deskFields(doc, c, now);
  const order = searchOrder(projected, desk);
  return {
    ...projected,
    ...desk,
    search: taggedSearchKeys(requestSearchKeys(projected, c)).map((key) =>
      searchEntry(key, desk.queue, order),
    ),
    dupkeys: c === null ? [] : taggedDuplicateKeys(duplicateKeys(c)),
  };
}

/**
 * The request rows a batch should store: the batch's own requests, joined with the contact the
 * batch or the model holds, and the model's requests whose contact the batch put or deleted.
 */
export async function joinBatch(
  model: { requests: EntityTable<RequestRow, 'id'>; contacts: EntityTable<ContactRow, 'id'> },
  requests: ProjectedRequest[],
  contacts: ContactRow[],
  deletedContacts: string[],
  now: string,
): Promise<RequestRow[]> {
  const batchContacts = new Map(contacts.map((c) => [requestIdOfContact(c), c]));
  const gone = new Set(deletedContacts);
  const own = new Set(requests.map((r) => r.id));
  const stored = await model.contacts.bulkGet(
    requests.filter((r) => !batchContacts.has(r.id)).map((r) => requestContactId(r.id)),
  );
  const storedContacts = new Map(
    stored.filter((c) => c !== undefined).map((c) => [requestIdOfContact(c), c]),
  );
  const contactFor = (requestId: string) => {
    const c = batchContacts.get(requestId) ?? storedContacts.get(requestId);
    return c && !gone.has(c.id) ? c : undefined;
  };
  const rows = requests.map((r) => joinRow(r, contactFor(r.id), now));

  // A contact that changed on its own moves its request: judge that request again.
  const others = [...batchContacts.keys()].filter((id) => !own.has(id));
  const deletedFor = await model.contacts.bulkGet(deletedContacts);
  for (const c of deletedFor) if (c && !own.has(c.request_id)) others.push(c.request_id);
  const held = await model.requests.bulkGet(others);
  for (const row of held) if (row) rows.push(joinRow(row, contactFor(row.id), now));
  return rows;
}
