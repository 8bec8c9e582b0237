/**
 * An address in one normal form, so the same home typed twice (by the resident on the web and by a
 * coordinator on the phone) is seen as one: the first line and the postcode, in the name key's form
 * (case, accents and punctuation off, normal-forms.ts), with the common abbreviations of street words
 * written out. The town is left out: it is spelt in either language (Caerdydd, Cardiff) and the
 * postcode already says where. Without a whole postcode there is no key, since "1 High Street" alone
 * is in every town.
 *
 * The abbreviations are a short, modest list of Royal Mail's street types and their Welsh
 * counterparts, only those people commonly shorten. `St` is written out as `street` even where it
 * means Saint: both addresses get the same word, so they still match.
 */
import { nameKey, postcodeKey } from '../search/normal-forms.ts';

export const streetAbbreviations: Readonly<Record<string, string>> = {
  rd: 'road',
  st: 'street',
  str: 'street',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  cl: 'close',
  cres: 'crescent',
  cresc: 'crescent',
  dr: 'drive',
  pl: 'place',
  sq: 'square',
  ter: 'terrace',
  terr: 'terrace',
  gdns: 'gardens',
  ct: 'court',
  pk: 'park',
  hl: 'heol',
  ffd: 'ffordd',
  flt: 'flat',
};

/** `12a, High St.` → `12a high street`. */
export function streetKey(line: string): string {
  return nameKey(line)
    .split(' ')
    .map((word) => streetAbbreviations[word] ?? word)
    .join(' ');
}

/** `CF10 1AA|12a high street`, or null without a whole postcode or a first line. */
export function addressKey(address: { address_line1: string; postcode: string }): string | null {
  const postcode = postcodeKey(address.postcode);
  const street = streetKey(address.address_line1);
  return postcode === null || street === '' ? null : `${postcode}|${street}`;
}
