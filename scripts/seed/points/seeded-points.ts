/**
 * The points a seeded request carries, written as the server's place-writer writes them
 * (sync-server/geo/place-writer.ts, #domain/places/geocoded.ts): the district's centre on the
 * request, what every volunteer who sees it may know, and a point near the town on its contact,
 * personal data like the rest of the contact. They are server facts, so the seed, which stores
 * documents as the server does, may write them; a device never could. With no postcode table in
 * the demo, the district's centre is its town's centre (town-centres.ts) and the resident lives
 * within `nearKm` of it, since the seed's postcodes are made up and have no point of their own.
 */
import { roundedPoint, type Point } from '#domain/places/point.ts';
import type { DistrictCentroid, Location } from '#domain/places/geocoded.ts';
import { normalisePostcode } from '#domain/questions/contact-format.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { townCentre } from './town-centres.ts';

/** How far from the town centre a seeded resident may live. */
export const nearKm = 2;

/** How long after a request was made the server gave it its points (the worker's first pass). */
const geocodedAfterMs = 5_000;

/** On a sphere of the Earth's mean radius (6,371 km), plenty for a couple of kilometres. */
const kmPerDegreeLat = (6371.0088 * Math.PI) / 180;
const kmPerDegreeLon = (lat: number) => kmPerDegreeLat * Math.cos((lat * Math.PI) / 180);

/** A point within `km` of `centre`, spread evenly over the disc (`random` in [0, 1)). */
export function pointNear(centre: Point, km: number, random: () => number): Point {
  const distance = km * Math.sqrt(random());
  const bearing = 2 * Math.PI * random();
  return roundedPoint(
    centre.lat + (distance * Math.cos(bearing)) / kmPerDegreeLat,
    centre.lon + (distance * Math.sin(bearing)) / kmPerDegreeLon(centre.lat),
  );
}

/** The request and its contact with their points, as the server would have written them. */
export function withPoints(
  request: RequestDoc,
  contact: ContactDoc,
  random: () => number,
): { request: RequestDoc; contact: ContactDoc } {
  const district = request.postcode_district;
  const centre = townCentre(district);
  if (centre === null) throw new Error(`seed bug: no town centre for ${district}`);
  const at = new Date(Date.parse(request.created_at) + geocodedAfterMs).toISOString();
  const centroid: DistrictCentroid = { ...centre, district, at };
  const location: Location = {
    ...pointNear(centre, nearKm, random),
    postcode: normalisePostcode(contact.contact.postcode),
    precision: 'unit',
    at,
  };
  return {
    request: { ...request, district_centroid: centroid },
    contact: { ...contact, location },
  };
}
