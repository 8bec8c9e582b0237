/**
 * Where a volunteer starts from, as matching measures it (docs/architecture.md, "Places"): the
 * centre of their base's postcode district, `base_centroid`, which the server works out from
 * `base_postcode` and writes onto the profile as it writes a request's `district_centroid`, and
 * which no device may write (places/server-facts.ts).
 *
 * Only the district's centre, even when the volunteer gave a whole postcode: a request is placed
 * at its district's centre too, so two in one district are 0 km apart whichever way the street
 * lies, and the profile's readers (the volunteer and the coordinators of their areas) need no more
 * to choose who is near. The whole postcode is never looked up anywhere.
 */
import type { Point } from '../places/point.ts';
import type { VolunteerDoc } from './volunteer-doc.ts';

type Base = Pick<VolunteerDoc, 'base_postcode' | 'base_centroid'>;

/** `SY23` of `SY23 1AA` or `SY23` (a stored base postcode, volunteer-doc.ts). */
export const districtOfBase = (base: string): string => base.split(' ')[0] ?? base;

/** The district the profile's point should be the centre of; null when it gives no base. */
const baseDistrictOf = (profile: Base) =>
  profile.base_postcode === undefined ? null : districtOfBase(profile.base_postcode);

/**
 * Whether the server has a point to work out or to take away: the base has none yet, it has one
 * for another district (the base moved), or it has one and no base any more (the volunteer
 * removed it, and the point should not outlive what they chose to tell).
 */
export function baseNeedsPlacing(profile: Base): boolean {
  return (profile.base_centroid?.district ?? null) !== baseDistrictOf(profile);
}

/**
 * Where they start from: the point of their base as it is now, or null when it is not known (no
 * base, not placed yet, or placed for a base since changed), which matching ranks as far.
 */
export function basePointOf(profile: Base): Point | null {
  const centroid = profile.base_centroid;
  if (centroid === undefined || baseNeedsPlacing(profile)) return null;
  return { lat: centroid.lat, lon: centroid.lon };
}
