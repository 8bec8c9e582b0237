/**
 * Whether a document a device just wrote through `/db` leaves its request needing points: a new
 * request taken on the phone, a district or postcode corrected, a contact written after its
 * request. The answer is the request's id, for its marker (pending.ts); the worker reads the
 * stored winners again, so a marker that turns out not to be needed costs one read.
 */
import { needsCentroid, needsLocation } from '#domain/places/geocoded.ts';
import { isDeleted, type StoredDoc } from '#domain/replication/document-classes.ts';
import { normalisePostcode } from '#domain/questions/contact-format.ts';

export function placeNeededFor(doc: StoredDoc): string | null {
  if (isDeleted(doc) || !('type' in doc)) return null;
  if (doc.type === 'request') {
    return needsCentroid(doc.district_centroid, doc.postcode_district) ? doc._id : null;
  }
  if (doc.type === 'contact') {
    const postcode = normalisePostcode(doc.contact.postcode);
    return needsLocation(doc.location, postcode) ? doc.request_id : null;
  }
  return null;
}
