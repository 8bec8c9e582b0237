/**
 * The reference a resident reads out on the phone: nine digits shown as `482 173 905`. Digits
 * sound the same to a Welsh or English speaker and survive a bad line better than letters; the last
 * digit is a Damm check digit, so a coordinator typing it back catches every single-digit slip and
 * every swap of neighbouring digits (https://en.wikipedia.org/wiki/Damm_algorithm).
 */

// The totally anti-symmetric quasigroup of order 10 from Damm (2004).
const dammTable = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

function damm(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = dammTable[interim]![Number(ch)]!;
  return interim;
}

export const referenceLength = 9;

/** `randomDigit` returns an integer 0–9; the server passes a crypto-backed one. */
export function makeReference(randomDigit: () => number): string {
  let body = '';
  for (let i = 0; i < referenceLength - 1; i++) body += String(randomDigit());
  return body + String(damm(body));
}

/** Accepts what people type: spaces, dashes, a leading `#`. Returns the canonical digits or null. */
export function parseReference(input: string): string | null {
  const digits = input.replace(/[\s\-#]/g, '');
  if (!/^\d+$/.test(digits) || digits.length !== referenceLength) return null;
  return damm(digits) === 0 ? digits : null;
}

/** `482173905` → `482 173 905` */
export function formatReference(reference: string): string {
  return reference.replace(/(\d{3})(?=\d)/g, '$1 ');
}
