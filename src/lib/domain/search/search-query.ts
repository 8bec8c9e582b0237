/**
 * What to look up for what a coordinator typed in the one search box: a list of lookups, most
 * specific first, each a kind, a key in that kind's normal form (normal-forms.ts, the same the
 * stored keys are made with, search-keys.ts) and whether the key is the whole of it or its start.
 * Typed text can be more than one thing (`SA11` is a district and the start of `SA1 1AA`; nine digits
 * starting with 0 may be a reference or a phone number being typed), so every reading is given and
 * the device shows what any of them finds.
 *
 * | typed                                            | lookups                                  |
 * | ------------------------------------------------ | ---------------------------------------- |
 * | a whole reference, any spacing (`482 173 905`)   | reference, exact                         |
 * | 3 to 8 digits not starting with 0                | reference, prefix                        |
 * | a whole UK phone, any format                     | phone, exact                             |
 * | the start of one (0, +44 or 0044 and 3+ digits)  | phone, prefix                            |
 * | a whole postcode, any case or spacing            | postcode, exact                          |
 * | an outward code (`cf10`)                         | district, exact                          |
 * | an outward code and the start of the inward one  | postcode, prefix                         |
 * | letters and no digits                            | name, prefix                             |
 *
 * Shorter runs of digits are left out: they would match much of the queue and say nothing.
 */
import { parseReference, referenceLength } from '../requests/reference.ts';
import type { SearchKind } from './search-keys.ts';
import {
  districtKey,
  nameKey,
  phoneKey,
  phonePrefix,
  postcodeKey,
  postcodePrefixes,
} from './normal-forms.ts';

export type Lookup = { kind: SearchKind; key: string; match: 'exact' | 'prefix' };

export const minReferenceDigits = 3;
/** The leading 0 and three more: `0770`. */
export const minPhoneDigits = 4;

const referenceNoise = /[\s\-#]/g;

function numberLookups(query: string): Lookup[] {
  const out: Lookup[] = [];
  const reference = parseReference(query);
  if (reference !== null) out.push({ kind: 'reference', key: reference, match: 'exact' });
  const digits = query.replace(referenceNoise, '');
  const partialReference =
    /^[1-9]\d*$/.test(digits) &&
    digits.length >= minReferenceDigits &&
    digits.length < referenceLength;
  if (partialReference) out.push({ kind: 'reference', key: digits, match: 'prefix' });
  const prefix = phonePrefix(query);
  const phone = phoneKey(query) ?? (prefix === null ? null : phoneKey(prefix));
  if (phone !== null) out.push({ kind: 'phone', key: phone, match: 'exact' });
  else if (prefix !== null && prefix.length >= minPhoneDigits)
    out.push({ kind: 'phone', key: prefix, match: 'prefix' });
  return out;
}

function postcodeLookups(query: string): Lookup[] {
  const whole = postcodeKey(query);
  if (whole !== null) return [{ kind: 'postcode', key: whole, match: 'exact' }];
  const district = districtKey(query);
  return [
    ...(district === null
      ? []
      : [{ kind: 'district' as const, key: district, match: 'exact' as const }]),
    ...postcodePrefixes(query).map((key) => ({
      kind: 'postcode' as const,
      key,
      match: 'prefix' as const,
    })),
  ];
}

/** The lookups for `query`, most specific first; none when it cannot be any of them. */
export function searchLookups(query: string): Lookup[] {
  const text = query.trim();
  if (text === '') return [];
  const hasDigit = /\d/.test(text);
  const hasLetter = /\p{L}/u.test(text);
  if (!hasLetter) return numberLookups(text);
  if (hasDigit) return postcodeLookups(text);
  const name = nameKey(text);
  return name === '' ? [] : [{ kind: 'name', key: name, match: 'prefix' }];
}

/**
 * Whether `query` is nine digits that fail the reference's check digit: a reference typed with a
 * slip, which the screen can point out rather than only finding nothing.
 */
export function isMistypedReference(query: string): boolean {
  const digits = query.trim().replace(referenceNoise, '');
  return (
    /^\d+$/.test(digits) && digits.length === referenceLength && parseReference(digits) === null
  );
}

/** Whether a stored key (in its normal form) answers `lookup`. */
export function answers(lookup: Lookup, key: string): boolean {
  return lookup.match === 'exact' ? key === lookup.key : key.startsWith(lookup.key);
}
