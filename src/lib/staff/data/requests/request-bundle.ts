/**
 * A request with everything its page shows that belongs to it, as the domain's documents: its
 * contact (when the device holds it), its notes and its history, each read through
 * `[request_id+created_at]` or `[request_id+at]` so oldest come first without a sort, and the
 * requests it is linked to as a duplicate, either way (duplicate-links.ts).
 */
import Dexie from 'dexie';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { EventDoc, NoteDoc } from '#domain/records/append-only-docs.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { duplicateLinks, noLinks, type DuplicateLinks } from '../duplicates/duplicate-links.ts';
import { docOfRow, requestOfRow } from '../model/projections.ts';
import type { ReadModelDb } from '../model/read-model.ts';

export type RequestBundle = {
  request: RequestDoc | null;
  contact: ContactDoc | null;
  notes: NoteDoc[];
  events: EventDoc[];
  links: DuplicateLinks;
};

/** What a page shows before the model answers, and for a request the device does not hold. */
export const noBundle: RequestBundle = {
  request: null,
  contact: null,
  notes: [],
  events: [],
  links: noLinks,
};

export async function requestBundle(model: ReadModelDb, requestId: string): Promise<RequestBundle> {
  const ofRequest = [
    [requestId, Dexie.minKey],
    [requestId, Dexie.maxKey],
  ] as const;
  const [row, contact, notes, events] = await Promise.all([
    model.requests.get(requestId),
    model.contacts.get(requestContactId(requestId)),
    model.notes.where('[request_id+created_at]').between(...ofRequest).toArray(),
    model.events.where('[request_id+at]').between(...ofRequest).toArray(),
  ]);
  if (!row) return noBundle;
  const request = requestOfRow(row);
  return {
    request,
    contact: contact ? docOfRow<ContactDoc>(contact) : null,
    notes: notes.map((n) => docOfRow<NoteDoc>(n)),
    events: events.map((e) => docOfRow<EventDoc>(e)),
    links: await duplicateLinks(model, request),
  };
}
