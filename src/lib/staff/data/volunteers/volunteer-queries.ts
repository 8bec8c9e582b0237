/**
 * What the desk knows of a volunteer beside their profile, read through the model's indexes
 * (docs/architecture.md, "Matching volunteers"), never a whole table:
 * - their load: open tasks, counted natively through `[status+assignee]`, one key per open status;
 * - their latest task: the last row of `[assignee+fields_meta.assignee.at]`, the request most
 *   recently given to them that they still hold (a request's assignee stamp is the assignment
 *   that gave it them, assignments.ts);
 * - where they start from: the centre of their base's postcode district, which the server wrote
 *   onto their profile (`base_centroid`, #domain/people/volunteer-base.ts); a base not placed yet,
 *   or placed before it changed, is unknown, which matching counts as far (rank.ts).
 */
import Dexie from 'dexie';
import { requestContactId, volunteerDocId } from '#domain/documents/doc-ids.ts';
import {
  matchRequestOf,
  volunteerCandidate,
  type MatchRequest,
  type VolunteerCandidate,
} from '#domain/matching/eligibility.ts';
import { basePointOf } from '#domain/people/volunteer-base.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { profileOfRow, requestOfRow, type VolunteerRow } from '../model/projections.ts';
import type { ReadModelDb } from '../model/read-model.ts';

export type LatestTask = { at: string; request: RequestDoc };
export type VolunteerLoad = { open_tasks: number; latest: LatestTask | null };

const userIdOf = (row: VolunteerRow) => row.id.replace(/^volunteer:/, '');

/** How many open tasks `userId` holds, and the one they were given last. */
export async function volunteerLoad(model: ReadModelDb, userId: string): Promise<VolunteerLoad> {
  const [open, latest] = await Promise.all([
    model.requests
      .where('[assignee+queue+rank]')
      .between([userId, 0, Dexie.minKey], [userId, 1, Dexie.maxKey])
      .count(),
    model.requests
      .where('[assignee+fields_meta.assignee.at]')
      .between([userId, Dexie.minKey], [userId, Dexie.maxKey])
      .last(),
  ]);
  return {
    open_tasks: open,
    latest: latest ? { at: latest.fields_meta.assignee.at, request: requestOfRow(latest) } : null,
  };
}

/** The load of each of `userIds`, by user id. */
export async function volunteerLoads(
  model: ReadModelDb,
  userIds: readonly string[],
): Promise<Map<string, VolunteerLoad>> {
  const loads = await Promise.all(userIds.map((id) => volunteerLoad(model, id)));
  return new Map(userIds.map((id, i) => [id, loads[i]!]));
}

export type MatchInputs = {
  request: MatchRequest;
  candidates: VolunteerCandidate[];
  /** Each candidate's name, by user id. */
  names: Map<string, string>;
};

/**
 * Everything matching needs for `request`: the request as matching reads it (its contact says
 * whether the task needs DBS) and every volunteer of its area with their load and base, except
 * whoever holds it now. The device cannot know which accounts are switched off, so every profile
 * counts as enabled; the server still refuses an assignment to a disabled account (assignable.ts).
 */
export async function matchInputs(model: ReadModelDb, request: RequestDoc): Promise<MatchInputs> {
  const contact = await model.contacts.get(requestContactId(request._id));
  const centroid = request.district_centroid;
  const match = matchRequestOf(
    request,
    contact ?? null,
    centroid ? { lat: centroid.lat, lon: centroid.lon } : null,
  );
  if (request.area === null) return { request: match, candidates: [], names: new Map() };
  const rows = (await model.volunteers.where('areas').equals(request.area).toArray()).filter(
    (row) => row.id !== volunteerDocId(request.assignee ?? ''),
  );
  const ids = rows.map(userIdOf);
  const loads = await volunteerLoads(model, ids);
  const candidates = rows.map((row, i) => {
    const load = loads.get(ids[i]!)!;
    const profile = profileOfRow(row);
    return volunteerCandidate(ids[i]!, profile, {
      enabled: true,
      base: basePointOf(profile),
      open_tasks: load.open_tasks,
      last_assigned_at: load.latest?.at ?? null,
    });
  });
  return { request: match, candidates, names: new Map(rows.map((r, i) => [ids[i]!, r.name])) };
}
