/**
 * Whether a document a device just wrote through `/db` (or sign-up stored) leaves something
 * needing points: a new request taken on the phone, a district or postcode corrected, a contact
 * written after its request, a volunteer's base given, moved or removed. The answer is the id of
 * the document to place (a contact's request), for its marker (pending.ts); the worker reads the
 * stored winners again, so a marker that turns out not to be needed costs one read.
 */
import { needsCentroid, needsLocation } from '#domain/places/geocoded.ts';
import { baseNeedsPlacing } from '#domain/people/volunteer-base.ts';
import { isDeleted, type StoredDoc } from '#domain/replication/document-classes.ts';
import { normalisePostcode } from '#domain/questions/contact-format.ts';

export function placeNeededFor(doc: StoredDoc): string | null {
  if (isDeleted(doc) || !('type' in doc)) return null;
  switch (doc.type) {
    case 'request':
      return needsCentroid(doc.district_centroid, doc.postcode_district) ? doc._id : null;
    case 'contact':
      return needsLocation(doc.location, normalisePostcode(doc.contact.postcode))
        ? doc.request_id
        : null;
    case 'volunteer':
      return baseNeedsPlacing(doc) ? doc._id : null;
    default:
      return null;
  }
}
