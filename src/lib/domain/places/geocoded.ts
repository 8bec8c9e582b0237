/**
 * Where a request is, as the server works it out from the resident's postcode (docs/architecture.md,
 * "Places"). Two facts, each on the document whose readers may know it:
 * - `district_centroid` on the request: the centre of the postcode district (`CF10`), coarse enough
 *   for every volunteer who may see the open request;
 * - `location` on the contact: the postcode unit's own point (`CF10 1EP`), personal data, read only
 *   by those who may read the contact. A postcode the table or service does not know falls back to
 *   its district's centre, and says so (`precision: 'district'`).
 * A volunteer's profile carries a third, `base_centroid`: the centre of their base's district,
 * a `DistrictCentroid` like the request's (people/volunteer-base.ts).
 *
 * Only the server writes them (write-access.ts refuses any device's change), each says what it was
 * worked out from (`district`, `postcode`), so an edited postcode is seen to need a new one, and
 * when (`at`), which is how two of them merge: the later wins, whoever's revision carries it.
 */
import * as v from 'valibot';
import { instantSchema } from '../documents/stamps.ts';
import { pointEntries, type Point } from './point.ts';

export type DistrictCentroid = Point & { district: string; at: string };
export type Location = Point & { postcode: string; precision: 'unit' | 'district'; at: string };

export const districtCentroidSchema = v.strictObject(
  {
    ...pointEntries,
    district: v.pipe(v.string('invalid'), v.regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, 'invalid')),
    at: instantSchema,
  },
  'invalid',
);

export const locationSchema = v.strictObject(
  {
    ...pointEntries,
    postcode: v.pipe(v.string('invalid'), v.regex(/^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/, 'invalid')),
    precision: v.picklist(['unit', 'district'], 'invalid'),
    at: instantSchema,
  },
  'invalid',
);

/** The fields only the server writes, by document type: devices carry them, never change them. */
const serverWrittenFields = new Map<string, readonly string[]>([
  ['request', ['district_centroid']],
  ['contact', ['location']],
  ['volunteer', ['base_centroid']],
]);

/** The server-written fields of a document of `type` (none for a type that has none). */
export const serverFieldsOf = (type: string | null): readonly string[] =>
  (type === null ? undefined : serverWrittenFields.get(type)) ?? [];

/**
 * Of two versions of a server-written fact, the one to keep: present beats absent, then the later
 * `at`, then the greater JSON, so the merge is commutative and associative like the registers'.
 */
export function laterFact<T extends { at: string }>(a: T | undefined, b: T | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/** A request's centroid is missing or was worked out for another district. */
export function needsCentroid(fact: DistrictCentroid | undefined, district: string): boolean {
  return fact?.district !== district;
}

/** A contact's location is missing or was worked out for another postcode (normalised). */
export function needsLocation(fact: Location | undefined, postcode: string): boolean {
  return fact?.postcode !== postcode;
}
