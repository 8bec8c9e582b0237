/**
 * The keys a request is found by offline: its reference, the resident's name, phone and postcode.
 * Stored in the read model's multi-entry `search` index and looked up by prefix, so a search
 * reads only the rows that match. A device without the contact (a volunteer without consent)
 * finds the request by its reference and postcode district only.
 */
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';

/** Lower case, accents off (`Siân` → `sian`, `Llŷr` → `llyr`), letters and digits only. */
export const plainWord = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** A UK phone number as its national digits: `+44 7700 900123` and `07700-900123` alike. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0044')) return `0${digits.slice(4)}`;
  if (digits.startsWith('44') && digits.length === 12) return `0${digits.slice(2)}`;
  return digits;
}

/** `cf101ep`, `CF10  1EP` → `CF10 1EP`: the inward code is always the last three characters. */
function postcodeKey(postcode: string): string {
  const packed = postcode.replace(/\s+/g, '').toUpperCase();
  return packed.length > 4 ? `${packed.slice(0, -3)} ${packed.slice(-3)}` : packed;
}

const district = /^[A-Z]{1,2}\d[A-Z\d]?$/i;
const postcodeStart = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{0,2}$/i;
const phoneOrReference = /^[\d\s()+.-]+$/;

/**
 * What to look up for a typed query: one entry a word, each the prefixes any of which finds it.
 * Digits are a reference or a phone number (either may match), a postcode or its start is a
 * postcode, an outward code alone is a district, and anything else is words of a name.
 */
export function searchPrefixes(query: string): string[][] {
  const q = query.trim();
  if (q === '') return [];
  if (phoneOrReference.test(q)) {
    const digits = q.replace(/\D/g, '');
    return digits.length < 3 ? [] : [[`r:${digits}`, `t:${phoneKey(q)}`]];
  }
  if (district.test(q)) return [[`d:${q.toUpperCase()}`]];
  if (postcodeStart.test(q)) {
    const packed = q.replace(/\s+/g, '').toUpperCase();
    const inward = packed.match(/\d[A-Z]{0,2}$/)![0];
    return [[`p:${packed.slice(0, -inward.length)} ${inward}`]];
  }
  return q
    .split(/\s+/)
    .map(plainWord)
    .filter((w) => w !== '')
    .map((w) => [`n:${w}`]);
}

export function searchKeys(
  request: Pick<RequestDoc, 'reference' | 'postcode_district'>,
  contact: ContactDoc | null,
): string[] {
  const keys = [`r:${request.reference}`, `d:${request.postcode_district}`];
  if (contact !== null) {
    for (const word of contact.contact.name.split(/\s+/)) {
      const plain = plainWord(word);
      if (plain) keys.push(`n:${plain}`);
    }
    const phone = phoneKey(contact.contact.phone ?? '');
    if (phone.length >= 3) keys.push(`t:${phone}`);
    keys.push(`p:${postcodeKey(contact.contact.postcode)}`);
  }
  return [...new Set(keys)];
}
