/**
 * The point a seeded volunteer's base carries, written as the server writes it
 * (sync-server/geo/place-base.ts): the centre of the base's district, which in the demo is its
 * town's centre (town-centres.ts, as for the seeded requests), a few seconds after they signed up.
 * Suggested volunteers then show how far each one is from a seeded request.
 */
import type { DistrictCentroid } from '#domain/places/geocoded.ts';
import { districtOfBase } from '#domain/people/volunteer-base.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { townCentre } from './town-centres.ts';

/** How long after sign-up the server placed the base (the worker's first pass). */
const placedAfterMs = 5_000;

/** The profile with `base` (as the volunteer gave it) and the point the server gave it. */
export function withPlacedBase(profile: VolunteerDoc, base: string): VolunteerDoc {
  const district = districtOfBase(base);
  const centre = townCentre(district);
  if (centre === null) throw new Error(`seed bug: no town centre for ${district}`);
  const at = new Date(Date.parse(profile.created_at) + placedAfterMs).toISOString();
  const centroid: DistrictCentroid = { ...centre, district, at };
  return { ...profile, base_postcode: base, base_centroid: centroid };
}
