/**
 * Volunteers' profiles as the screens read them, as the domain's documents (`profileOfRow`). The
 * device holds only the profiles its user may read (access/access.ts): a volunteer their own,
 * a coordinator those who share one of their areas, an admin every one; so "every profile on the
 * device" is a coordinator's tens of volunteers, never the whole service's.
 */
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { profileOfRow } from '../model/projections.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { ReadModelDb } from '../model/read-model.ts';

/** `userId`'s profile, or undefined when the device does not hold it. */
export async function volunteerProfile(
  model: ReadModelDb,
  userId: string,
): Promise<VolunteerDoc | undefined> {
  const row = await model.volunteers.get(volunteerDocId(userId));
  return row && profileOfRow(row);
}

/** The profile of whoever holds `request`, if this device holds it; null when nobody does. */
export async function assigneeProfile(
  model: ReadModelDb,
  request: Pick<RequestDoc, 'assignee'>,
): Promise<VolunteerDoc | null> {
  if (request.assignee === null) return null;
  return (await volunteerProfile(model, request.assignee)) ?? null;
}

/** The profiles of volunteers in any of `areas`, each once, through the `*areas` index. */
export async function profilesInAreas(
  model: ReadModelDb,
  areas: readonly string[],
): Promise<VolunteerDoc[]> {
  const rows = await model.volunteers.where('areas').anyOf(areas).distinct().toArray();
  return rows.map(profileOfRow);
}

/** Every profile on the device: an admin's list of volunteers. */
export async function profilesOnDevice(model: ReadModelDb): Promise<VolunteerDoc[]> {
  return (await model.volunteers.toArray()).map(profileOfRow);
}

/** Every profile on the device by user id, to name whoever acted and offer whom to assign. */
export async function profilesByUserId(model: ReadModelDb): Promise<Map<string, VolunteerDoc>> {
  const profiles = await profilesOnDevice(model);
  return new Map(profiles.map((p) => [p._id.replace(/^volunteer:/, ''), p]));
}
