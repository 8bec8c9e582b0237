/**
 * Working out a volunteer's base point and writing it onto their profile: the centre of the base's
 * postcode district (`base_centroid`, #domain/people/volunteer-base.ts), asked of the source by
 * district only, so a volunteer's whole postcode never leaves the server. A base removed, or moved
 * to a district the source does not know, takes the old point away. Only a point that is missing
 * or stale is looked up and written (`baseNeedsPlacing`), so working a marker twice changes nothing.
 */
import type { DistrictCentroid } from '#domain/places/geocoded.ts';
import type { Point } from '#domain/places/point.ts';
import { baseNeedsPlacing, districtOfBase } from '#domain/people/volunteer-base.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import type { ReplicatedDb } from '../storage/storage.ts';
import { update, winner, type PlaceOutcome } from './fact-writes.ts';
import type { Geocoder } from './geocoder.ts';

/** The profile with `centre` as its base's point for `district`, or with none. */
function withBase(
  profile: VolunteerDoc,
  district: string | null,
  centre: Point | null,
  at: string,
) {
  const body: VolunteerDoc = { ...profile };
  delete body.base_centroid;
  if (district === null || centre === null) return body;
  const fact: DistrictCentroid = { ...centre, district, at };
  return { ...body, base_centroid: fact };
}

export async function placeVolunteerBase(
  db: ReplicatedDb,
  geocoder: Geocoder,
  profileId: string,
  now: () => Date,
): Promise<PlaceOutcome> {
  const profile = await winner<VolunteerDoc>(db, profileId);
  if (profile?.type !== 'volunteer' || !baseNeedsPlacing(profile)) {
    return { done: true, unknown: false };
  }
  const base = profile.base_postcode;
  const district = base === undefined ? null : districtOfBase(base);
  const centre = district === null ? null : await geocoder.findDistrict(district);
  const at = now().toISOString();
  await update<VolunteerDoc>(db, profileId, (current) => {
    // A base changed meanwhile was marked again, and is worked out from what it is then.
    if (current.base_postcode !== base || !baseNeedsPlacing(current)) return null;
    if (centre === null && current.base_centroid === undefined) return null;
    return withBase(current, district, centre, at);
  });
  return { done: true, unknown: district !== null && centre === null };
}

/**
 * Marks every profile whose base is not placed as it is now: at start, so profiles stored before
 * the server placed bases (or whose marker was lost with a failed write) get their point without
 * waiting for an edit. One read of the profiles' range; a marker already there is left as it is.
 */
export async function markUnplacedBases(
  db: ReplicatedDb,
  mark: (profileId: string) => Promise<void>,
) {
  const profiles = await db.allDocs<VolunteerDoc>({
    startkey: 'volunteer:',
    endkey: 'volunteer:\ufff0',
    include_docs: true,
  });
  for (const row of profiles.rows) {
    const doc = 'doc' in row ? row.doc : undefined;
    if (doc?.type === 'volunteer' && baseNeedsPlacing(doc)) await mark(doc._id);
  }
}
