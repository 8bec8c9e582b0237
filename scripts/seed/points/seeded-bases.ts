/**
 * Where the seed's volunteers start from: a base in one of their home area's towns, as a volunteer
 * gives it at sign-up (a whole postcode, or only its district), and its point as the server writes
 * it (sync-server/geo/place-base.ts): the centre of the base's district, which in the demo is its
 * town's centre (town-centres.ts, as for the seeded requests), a few seconds after they signed up.
 * Suggested volunteers then show how far each one is from a seeded request.
 */
import type { DistrictCentroid } from '#domain/places/geocoded.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { inwardLetters, type Place } from '../places.ts';
import type { Random } from '../random.ts';
import { townCentre } from './town-centres.ts';

/** How long after sign-up the server placed the base (the worker's first pass). */
const placedAfterMs = 5_000;

/** A third give only their district; the rest a whole postcode. */
const districtOnly = 1 / 3;

/** The profile with a base in `home` and the point the server would have given it. */
export function withBase(profile: VolunteerDoc, home: Place, random: Random): VolunteerDoc {
  const { district } = random.pick(home.towns);
  const centre = townCentre(district);
  if (centre === null) throw new Error(`seed bug: no town centre for ${district}`);
  const letters = [...inwardLetters];
  const base = random.chance(districtOnly)
    ? district
    : `${district} ${random.int(10)}${random.pick(letters)}${random.pick(letters)}`;
  const at = new Date(Date.parse(profile.created_at) + placedAfterMs).toISOString();
  const centroid: DistrictCentroid = { ...centre, district, at };
  return { ...profile, base_postcode: base, base_centroid: centroid };
}
