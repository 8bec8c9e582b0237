/**
 * A volunteer's stops for the day (issue "The volunteer's day and the map"): the tasks they hold,
 * each where the device best knows it is, ordered from where they start by the domain
 * (routing/order-stops.ts). A contact the device holds (with the resident's consent) gives the
 * postcode's own point and the address; otherwise the request's district centre stands in, and
 * the stop says so. Tasks with no point at all are listed apart, never dropped. A contact still on
 * the device that its user may no longer read (the resident withdrew consent, and the purge has
 * not run yet) is not used, as the request page does not show it (access/read-access.ts).
 */
import { canRead } from '#domain/access/access.ts';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { GeoPoint } from '#domain/matching/geo-point.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { basePointOf } from '#domain/people/volunteer-base.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { isHeld } from '#domain/requests/lifecycle.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { orderStops, type Route } from '#domain/routing/order-stops.ts';
import { docOfRow } from '../model/projections.ts';
import type { ReadModelDb } from '../model/read-model.ts';
import { volunteerTasks } from './task-queries.ts';

export type Stop = {
  id: string;
  lat: number;
  lon: number;
  request: RequestDoc;
  contact: ContactDoc | null;
  /** `unit`: the postcode's own point; `district`: only its district's centre is known. */
  precision: 'unit' | 'district';
};

export type DayRoute = {
  /** Where the route starts from: the position given, else the volunteer's base; null if neither. */
  start: GeoPoint | null;
  route: Route<Stop> | null;
  /** Held tasks with no point yet, in no order. */
  unplaced: RequestDoc[];
};

function stopOf(request: RequestDoc, contact: ContactDoc | null): Stop | null {
  const here = contact?.location;
  if (here && here.precision === 'unit') {
    return { id: request._id, lat: here.lat, lon: here.lon, request, contact, precision: 'unit' };
  }
  const at = request.district_centroid;
  if (!at) return null;
  return { id: request._id, lat: at.lat, lon: at.lon, request, contact, precision: 'district' };
}

export async function dayRoute(
  model: ReadModelDb,
  user: StaffUser,
  profile: VolunteerDoc | undefined,
  position: GeoPoint | null,
  now: string,
): Promise<DayRoute> {
  const held = (await volunteerTasks(model, user, now)).mine.filter((r) => isHeld(r.status));
  const rows = await model.contacts.bulkGet(held.map((r) => requestContactId(r._id)));
  const stops: Stop[] = [];
  const unplaced: RequestDoc[] = [];
  held.forEach((request, i) => {
    const row = rows[i];
    const held = row ? docOfRow<ContactDoc>(row) : null;
    const stop = stopOf(request, held && canRead(user, held, request, now) ? held : null);
    if (stop) stops.push(stop);
    else unplaced.push(request);
  });
  const start = position ?? (profile ? basePointOf(profile) : null);
  if (start === null || stops.length === 0) return { start, route: null, unplaced };
  const ordered = orderStops(start, stops);
  return { start, route: ordered.ok ? ordered.route : null, unplaced };
}
