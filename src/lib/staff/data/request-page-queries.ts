/**
 * What the pages about one request read (the call just saved, its consent, its hand-over): the
 * request, the areas it may go to and who holds it, as the domain's documents, each by key.
 */
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { ReadModelDb } from './model/read-model.ts';
import { profileOfRow, requestOfRow, type AreaRow } from './model/projections.ts';

/** The request as this device holds it; null when it holds none by that id. */
export async function requestById(model: ReadModelDb, id: string): Promise<RequestDoc | null> {
  const row = await model.requests.get(id);
  return row ? requestOfRow(row) : null;
}

const areaOfRow = ({ id, ...rest }: AreaRow): AreaDoc => ({ ...rest, _id: id });

/**
 * Every area this device knows, by the id requests and users name it by (`area:` dropped). Read
 * whole: a device holds a few dozen areas, and a page needs all their names to offer a choice.
 */
export async function areasById(model: ReadModelDb): Promise<Map<string, AreaDoc>> {
  const rows = await model.areas.toArray();
  return new Map(rows.map((row) => [row.id.replace(/^area:/, ''), areaOfRow(row)]));
}

/** The profile of whoever holds the request, if this device holds it; null when unassigned. */
export async function assigneeProfile(
  model: ReadModelDb,
  request: Pick<RequestDoc, 'assignee'>,
): Promise<VolunteerDoc | null> {
  if (request.assignee === null) return null;
  const row = await model.volunteers.get(volunteerDocId(request.assignee));
  return row ? profileOfRow(row) : null;
}
