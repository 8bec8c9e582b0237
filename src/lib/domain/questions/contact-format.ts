/**
 * UK phone numbers and postcodes as residents type them: spaces, dashes, brackets and a +44 prefix
 * are all fine; what we store is normalised so that coordinators can search and dial it.
 */

const phoneNoise = /[\s\-().]/g;

/** Landlines and mobiles: 0 followed by 9 or 10 digits, or +44 / 0044 followed by the same less the 0. */
export function isUkPhone(input: string): boolean {
  return /^(?:0|\+44|0044)[1-9]\d{8,9}$/.test(input.replace(phoneNoise, ''));
}

/** `+44 7700 900982` → `07700900982` */
export function normalisePhone(input: string): string {
  const digits = input.replace(phoneNoise, '');
  if (digits.startsWith('+44')) return `0${digits.slice(3)}`;
  if (digits.startsWith('0044')) return `0${digits.slice(4)}`;
  return digits;
}

/**
 * A UK mobile, which can take a text: 071–075 and 077–079 (Ofcom's National Telephone Numbering
 * Plan; 070 is a personal number and 076 a pager, which may not). A landline cannot.
 */
export function isUkMobile(input: string): boolean {
  return /^07[1-57-9]\d{8}$/.test(normalisePhone(input));
}

// The shape of a UK postcode (outward code, space, inward code). The Royal Mail format is documented
// at https://ideal-postcodes.co.uk/guides/uk-postcode-format; we check shape, not existence.
const postcodeShape = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

export function isUkPostcode(input: string): boolean {
  return postcodeShape.test(input.replace(/\s+/g, '').toUpperCase());
}

/** `cf10 1aa` → `CF10 1AA` */
export function normalisePostcode(input: string): string {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** The outward code (`CF10`): coarse enough to share with volunteers in the area. */
export function postcodeDistrict(postcode: string): string {
  return normalisePostcode(postcode).split(' ')[0] ?? '';
}
