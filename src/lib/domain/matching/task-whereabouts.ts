/**
 * Where an open task is, as a volunteer may know it before it is theirs (docs/architecture.md,
 * "Access" and "Places"): the town its postcode district is known by, the district, and how far
 * the district's centre is from the centre of the volunteer's base district. Made only of what
 * every reader of the open request may see (`postcode_district`, `district_centroid`) and of the
 * volunteer's own profile, never of the contact: no name, street or postcode unit.
 *
 * The distance is a straight line between two district centres (haversine, as matching ranks
 * volunteers), so two places in one district are 0 km apart: it tells near from far, not a drive.
 */
import { townOfDistrict, type DistrictTown } from '../places/district-towns.ts';
import { needsCentroid } from '../places/geocoded.ts';
import type { Point } from '../places/point.ts';
import type { RequestDoc } from '../requests/request.ts';
import { haversineKm } from './geo-point.ts';

export type TaskWhereabouts = {
  /** `SY25`. */
  district: string;
  /** The town the district is known by; null when the table does not know it. */
  town: DistrictTown | null;
  /** Kilometres from the base's centre to the district's; null when either is not known. */
  km: number | null;
};

type Placed = Pick<RequestDoc, 'postcode_district' | 'district_centroid'>;

/**
 * Kilometres from `base` to the centre of the request's district, or null when there is no base,
 * or the server has not placed the district yet (or placed it for a district since corrected).
 */
export function kmFromBase(base: Point | null, request: Placed): number | null {
  const centre = request.district_centroid;
  if (base === null || centre === undefined) return null;
  if (needsCentroid(centre, request.postcode_district)) return null;
  return haversineKm(base, centre);
}

/** The town, district and distance an open task is shown with. */
export function taskWhereabouts(request: Placed, base: Point | null): TaskWhereabouts {
  return {
    district: request.postcode_district,
    town: townOfDistrict(request.postcode_district),
    km: kmFromBase(base, request),
  };
}
