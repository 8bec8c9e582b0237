/**
 * What the coordinator's map shows (issue "The volunteer's day and the map"): the requests the
 * desk's filters choose, most pressing first, each at its postcode district's centre (the point
 * every reader of the request may know, places/geocoded.ts), and volunteers' bases at theirs.
 * Bounded like every desk read: the first `mapLimit` of the queue's order, never the whole table.
 */
import type { StaffUser } from '#domain/people/users.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import type { DeskFilters } from './desk-filters.ts';
import { queuePage } from './desk-queries.ts';
import type { QueueItem } from './queue-page.ts';
import type { ReadModelDb } from '../model/read-model.ts';

export const mapLimit = 500;

/** A row of the queue (with its triage) and where to put it. */
export type RequestPoint = QueueItem & { lat: number; lon: number };

export type MapRequests = {
  points: RequestPoint[];
  /** How many the filters choose in all; more than `points` when capped or not yet placed. */
  total: number;
  /** Of those read, how many have no point yet (the server places them after intake). */
  unplaced: number;
};

export async function mapRequests(
  model: ReadModelDb,
  user: StaffUser,
  filters: DeskFilters,
  now: string,
): Promise<MapRequests> {
  const page = await queuePage(model, user, filters, mapLimit, now);
  const points: RequestPoint[] = [];
  for (const item of page.items) {
    const at = item.request.district_centroid;
    if (at) points.push({ ...item, lat: at.lat, lon: at.lon });
  }
  return { points, total: page.total, unplaced: page.items.length - points.length };
}

export type BasePoint = { userId: string; name: string; lat: number; lon: number };

/** Approved volunteers of `areas` with a placed base, from the profiles the device holds. */
export function basePoints(
  profiles: ReadonlyMap<string, VolunteerDoc>,
  areas: readonly string[],
): BasePoint[] {
  const out: BasePoint[] = [];
  for (const [userId, p] of profiles) {
    if (p.approval !== 'approved' || !p.base_centroid) continue;
    if (!p.areas.some((a) => areas.includes(a))) continue;
    out.push({ userId, name: p.name, lat: p.base_centroid.lat, lon: p.base_centroid.lon });
  }
  return out;
}
