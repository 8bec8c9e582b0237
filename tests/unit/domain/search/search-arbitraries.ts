/**
 * Random phones, postcodes, references and names for the search and duplicate property tests, each
 * with the many ways a person may type the same one: any case, spacing, separators and prefixes,
 * accents on or off.
 */
import fc from 'fast-check';
import { makeReference } from '#domain/requests/reference.ts';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (min: number, max: number) =>
  fc.array(digit, { minLength: min, maxLength: max }).map((d) => d.join(''));

/** A UK number in its national form: 0, a non-zero digit, then 8 or 9 digits. */
export const nationalPhone = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(8, 9))
  .map(([first, rest]) => `0${first}${rest}`);

const phoneSeparators = ['', ' ', '  ', '-', '.', ' - '];

/** Breaks `text` into groups joined by random separators. */
function regroup(text: string, separators = phoneSeparators) {
  const separator = fc.constantFrom(...separators);
  return fc
    .array(fc.tuple(fc.integer({ min: 1, max: 4 }), separator), { minLength: 1, maxLength: 8 })
    .map((cuts) => {
      let out = '';
      let i = 0;
      for (const [size, sep] of cuts) {
        if (i >= text.length) break;
        out += text.slice(i, i + size) + sep;
        i += size;
      }
      return (out + text.slice(i)).trim();
    });
}

/** The same number as people write it: 0…, +44…, 0044…, +44 (0)…, (01234) 567890, any grouping. */
export function phoneVariant(national: string) {
  const rest = national.slice(1);
  return fc
    .tuple(
      fc.constantFrom('0', '+44', '+44 ', '0044', '0044 ', '+44 (0)', 'brackets'),
      regroup(rest),
    )
    .map(([prefix, grouped]) =>
      prefix === 'brackets'
        ? `(${national.slice(0, 5)}) ${national.slice(5)}`
        : `${prefix}${grouped}`,
    );
}

const letter = fc.constantFrom(...'ABCDEFGHJKLMNOPRSTUWYZ'.split(''));
const inwardLetter = fc.constantFrom(...'ABDEFGHJLNPQRSTUWXYZ'.split(''));
const num = fc.integer({ min: 0, max: 9 }).map(String);

/** An outward code of any of the six shapes: A9, A99, A9A, AA9, AA99, AA9A. */
export const district = fc.oneof(
  fc.tuple(letter, fc.integer({ min: 1, max: 9 })).map(([a, n]) => `${a}${n}`),
  fc.tuple(letter, fc.integer({ min: 1, max: 9 }), num).map(([a, n, m]) => `${a}${n}${m}`),
  fc.tuple(letter, fc.integer({ min: 1, max: 9 }), letter).map(([a, n, b]) => `${a}${n}${b}`),
  fc.tuple(letter, letter, fc.integer({ min: 1, max: 9 })).map(([a, b, n]) => `${a}${b}${n}`),
  fc
    .tuple(letter, letter, fc.integer({ min: 1, max: 9 }), num)
    .map(([a, b, n, m]) => `${a}${b}${n}${m}`),
  fc
    .tuple(letter, letter, fc.integer({ min: 1, max: 9 }), letter)
    .map(([a, b, n, c]) => `${a}${b}${n}${c}`),
);

/** A whole postcode in its normal form: `CF10 1AA`. */
export const postcode = fc
  .tuple(district, num, inwardLetter, inwardLetter)
  .map(([d, n, a, b]) => `${d} ${n}${a}${b}`);

/** Random case, and spaces anywhere (none, several, at either end). */
export function caseAndSpacing(text: string) {
  const compact = text.replace(/\s+/g, '');
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: compact.length, maxLength: compact.length }),
      fc.array(fc.constantFrom('', '', ' ', '  '), {
        minLength: compact.length + 1,
        maxLength: compact.length + 1,
      }),
    )
    .map(([upper, spaces]) =>
      compact
        .split('')
        .map((ch, i) => spaces[i] + (upper[i] ? ch.toUpperCase() : ch.toLowerCase()))
        .join('')
        .concat(spaces[compact.length] ?? ''),
    );
}

/** A valid reference (check digit included) from random digits. */
export const reference = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((body) => {
    let i = 0;
    return makeReference(() => body[i++] ?? 0);
  });

/** The same reference read out and typed: grouped, dashed, with or without a `#`. */
export function referenceVariant(ref: string) {
  return fc
    .tuple(fc.constantFrom('', '#', '# '), regroup(ref, ['', ' ', '  ', '-', ' - ']))
    .map(([hash, g]) => hash + g);
}

const plainLetters = 'abcdefghijlmnoprstuwy';
const accents = ['\u0302', '\u0301', '\u0300', '\u0308']; // circumflex, acute, grave, diaeresis

/** A plain lower-case name of one to four words, as a key would hold it. */
export const plainName = fc
  .array(
    fc
      .array(fc.constantFrom(...plainLetters.split('')), { minLength: 1, maxLength: 9 })
      .map((l) => l.join('')),
    { minLength: 1, maxLength: 4 },
  )
  .map((words) => words.join(' '));

/** The same name with random capitals and accents on its vowels (composed, as keyboards type them). */
export function accentedVariant(name: string) {
  return fc
    .array(fc.integer({ min: 0, max: 5 }), { minLength: name.length, maxLength: name.length })
    .map((choices) =>
      name
        .split('')
        .map((ch, i) => {
          const c = choices[i] ?? 0;
          const cased = c % 2 === 1 ? ch.toUpperCase() : ch;
          const accent = 'aeiouwy'.includes(ch) && c >= 2 ? accents[c - 2] : '';
          return (cased + (accent ?? '')).normalize('NFC');
        })
        .join(''),
    );
}
