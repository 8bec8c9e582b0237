/**
 * The read-model queries the work screens run (live, through `liveFrom`). The model holds only what
 * the user may read, already projected; these pick out one screen's rows through its indexes.
 */
import Dexie from 'dexie';
import { requestContactId, volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { ReadModelDb } from './model/read-model.ts';
import { requestOfRow, type AreaRow, type VolunteerRow } from './model/projections.ts';
import { duplicateLinks, noLinks } from './duplicates/duplicate-links.ts';


export const allRequests = async (model: ReadModelDb) =>
  (await model.requests.toArray()).map(requestOfRow);

export const ownProfile = (model: ReadModelDb, userId: string) =>
  model.volunteers.get(volunteerDocId(userId));

export async function areaNames(model: ReadModelDb): Promise<Map<string, AreaRow>> {
  const rows = await model.areas.toArray();
  return new Map(rows.map((a) => [a.id.replace(/^area:/, ''), a]));
}

export async function volunteersById(model: ReadModelDb): Promise<Map<string, VolunteerRow>> {
  const rows = await model.volunteers.toArray();
  return new Map(rows.map((v) => [v.id.replace(/^volunteer:/, ''), v]));
}

/** A request with everything that belongs to it, oldest note and event first, and its links. */
export async function requestBundle(model: ReadModelDb, requestId: string) {
  const [row, contact, notes, events] = await Promise.all([
    model.requests.get(requestId),
    model.contacts.get(requestContactId(requestId)),
    model.notes
      .where('[request_id+created_at]')
      .between([requestId, Dexie.minKey], [requestId, Dexie.maxKey])
      .toArray(),
    model.events
      .where('[request_id+at]')
      .between([requestId, Dexie.minKey], [requestId, Dexie.maxKey])
      .toArray(),
  ]);
  const request = row ? requestOfRow(row) : null;
  // The requests it is linked to as a duplicate, either way (duplicate-links.ts).
  const links = request ? await duplicateLinks(model, request) : noLinks;
  return { request, contact: contact ?? null, notes, events, links };
}
