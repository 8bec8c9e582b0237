/**
 * The one normal form of each thing a coordinator searches by, so every way of writing it finds the
 * same request offline: a name in any case and with or without its accents ("Siân" and "SIAN";
 * Welsh's ŵ, ŷ, â… and every other diacritic come off), a phone in any UK format (one national form,
 * contact-format.ts), a postcode in any case and spacing (`CF10 1AA`) and its district (`CF10`).
 * Stored keys and typed queries go through the same functions, so they cannot disagree.
 */
import { isUkPhone, normalisePhone } from '../questions/contact-format.ts';

// Apostrophes join (O'Brien → obrien, Gwynedd’s → gwynedds); every other non-letter separates words.
const apostrophes = /['’ʼ‘`]/g;
const separators = /[^\p{L}\p{N}]+/gu;
const combiningMarks = /\p{M}/gu;

/**
 * `Siân Lloyd-Jones` → `sian lloyd jones`. Compatibility decomposition (NFKD) splits `â` into `a` and
 * its circumflex, and ligatures into letters; the marks are then dropped.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(combiningMarks, '')
    .toLowerCase()
    .replace(apostrophes, '')
    .replace(separators, ' ')
    .trim();
}

/**
 * What a name is found by with a prefix search: the whole name from each of its words on, so
 * "lloyd" and "sian ll" both find `Siân Lloyd`. At most `maxNameWords` words count, so a long
 * name cannot make a long list of keys.
 */
export const maxNameWords = 5;

export function nameKeys(name: string): string[] {
  const words = nameKey(name).split(' ').filter(Boolean).slice(0, maxNameWords);
  return words.map((_, i) => words.slice(i).join(' '));
}

const phoneNoise = /[\s\-().]/g;
// `+44 (0)1234 567890`, as letterheads write it: the bracketed 0 is not dialled after +44.
const bracketedZero = /^\s*(\+44|0044)\s*\(0\)/;

/** A whole UK phone number in its national form (`07700900123`), or null when it is not one. */
export function phoneKey(input: string): string | null {
  const typed = input.replace(bracketedZero, '$1');
  return isUkPhone(typed) ? normalisePhone(typed) : null;
}

/**
 * The national digits of a phone number as far as it has been typed (`+44 7700 9` → `077009`), for a
 * prefix search; null when the text is not the start of one. A number typed without its leading 0
 * (`7700 900123`) gets it back only when whole, since a shorter run of digits may be a reference.
 */
export function phonePrefix(input: string): string | null {
  const compact = input.replace(bracketedZero, '$1').replace(phoneNoise, '');
  if (/^\+44\d*$/.test(compact)) return `0${compact.slice(3)}`;
  if (/^0044\d*$/.test(compact)) return `0${compact.slice(4)}`;
  if (/^0\d*$/.test(compact)) return compact;
  if (/^[1-9]\d{9}$/.test(compact)) return `0${compact}`;
  return null;
}

const outward = '[A-Z]{1,2}\\d[A-Z\\d]?';
const districtShape = new RegExp(`^${outward}$`);
const postcodeShape = new RegExp(`^(${outward})(\\d[A-Z]{2})$`);

function compactUpper(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** `cf10  1aa` → `CF10 1AA` (the form contacts store); null when it is not a whole postcode. */
export function postcodeKey(input: string): string | null {
  const match = postcodeShape.exec(compactUpper(input));
  return match ? `${match[1]} ${match[2]}` : null;
}

/** `cf10` → `CF10` (the form requests store as `postcode_district`); null when not an outward code. */
export function districtKey(input: string): string | null {
  const compact = compactUpper(input);
  return districtShape.test(compact) ? compact : null;
}

/**
 * The starts of postcodes a partly typed one may be (`CF10 1` → `CF10 1`; `SA11` → `SA1 1`, and
 * the district SA11 is its own lookup). Without a space the split between the outward code and the
 * inward one is a guess, so each split that fits the postcode's shape is given.
 */
export function postcodePrefixes(input: string): string[] {
  const spaced = /^\s*([A-Za-z]{1,2}\d[A-Za-z\d]?)\s+(\d[A-Za-z]?)\s*$/.exec(input);
  if (spaced) return [`${spaced[1]} ${spaced[2]}`.toUpperCase()];
  const compact = compactUpper(input);
  const out: string[] = [];
  for (let cut = 2; cut <= 4 && cut < compact.length; cut++) {
    const head = compact.slice(0, cut);
    const tail = compact.slice(cut);
    if (districtShape.test(head) && /^\d[A-Z]?$/.test(tail)) out.push(`${head} ${tail}`);
  }
  return out;
}
