/**
 * Working out one request's points and writing them: the district's centre onto the request, the
 * postcode's point onto its contact (a postcode the source does not know gets its district's
 * centre, `precision: 'district'`). Only what is missing or stale is looked up and written
 * (`needsCentroid`, `needsLocation`), so working a marker twice changes nothing. Written as new
 * revisions of the current winner (fact-writes.ts).
 */
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { Point } from '#domain/places/point.ts';
import {
  needsCentroid,
  needsLocation,
  type DistrictCentroid,
  type Location,
} from '#domain/places/geocoded.ts';
import { normalisePostcode, postcodeDistrict } from '#domain/questions/contact-format.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { ReplicatedDb } from '../storage/storage.ts';
import { update, winner, type PlaceOutcome } from './fact-writes.ts';
import type { Geocoder } from './geocoder.ts';

export async function placeRequest(
  db: ReplicatedDb,
  geocoder: Geocoder,
  requestId: string,
  now: () => Date,
): Promise<PlaceOutcome> {
  const request = await winner<RequestDoc>(db, requestId);
  if (request === null || request.type !== 'request') return { done: true, unknown: false };
  const contact = await winner<ContactDoc>(db, requestContactId(requestId));
  const postcode = contact?.contact.postcode ? normalisePostcode(contact.contact.postcode) : null;
  const district = request.postcode_district;
  const wantsCentroid = needsCentroid(request.district_centroid, district);
  const wantsLocation = postcode !== null && needsLocation(contact?.location, postcode);

  const found = wantsLocation ? await geocoder.find(postcode) : null;
  const sameDistrict = postcode !== null && postcodeDistrict(postcode) === district;
  const centre: Point | null = wantsCentroid
    ? sameDistrict && found !== null
      ? found.district
      : await geocoder.findDistrict(district)
    : null;
  const at = now().toISOString();

  if (wantsCentroid && centre !== null) {
    await update<RequestDoc>(db, requestId, (current) => {
      if (!needsCentroid(current.district_centroid, current.postcode_district)) return null;
      if (current.postcode_district !== district) return null; // changed meanwhile: marked again
      const fact: DistrictCentroid = { ...centre, district, at };
      return { ...current, district_centroid: fact };
    });
  }
  const point = found?.unit ?? found?.district ?? null;
  if (wantsLocation && point !== null) {
    const precision = found?.unit ? 'unit' : 'district';
    await update<ContactDoc>(db, requestContactId(requestId), (current) => {
      const typed = normalisePostcode(current.contact.postcode);
      if (typed !== postcode || !needsLocation(current.location, typed)) return null;
      const fact: Location = { ...point, postcode, precision, at };
      return { ...current, location: fact };
    });
  }
  // The contact comes with the request from intake; from a device it may come a batch later.
  if (contact === null) return { done: false, why: 'contact_missing' };
  const unknown = (wantsCentroid && centre === null) || (wantsLocation && point === null);
  return { done: true, unknown };
}
