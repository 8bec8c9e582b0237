import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { apiErrorCodes } from '#domain/api-errors.ts';
import { fields, supportTasks, type FieldName } from '#domain/questions/request-fields.ts';
import { realLocales } from '../../support/locale-i18n.ts';

const set = realLocales();

/** Inputs meant to break every kind of field: wrong types, boundaries, junk. */
const probes: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  1.5,
  21,
  91,
  NaN,
  Infinity,
  '',
  '   ',
  'a',
  'ab',
  'abcd',
  'Siân\u0007',
  'tomorrow',
  '2026-13-45',
  '12345',
  ...[101, 121, 301, 501, 1001].map((n) => 'x'.repeat(n)),
  [],
  ['juggling'],
  ['shopping', 'shopping'],
  [...supportTasks, supportTasks[0]],
  {},
];

/** The codes a field's schema gives for the probes, whether or not a pipe stops early. */
function codesOf(field: FieldName): Set<string> {
  const codes = new Set<string>();
  for (const input of probes) {
    for (const abortPipeEarly of [true, false]) {
      const result = v.safeParse(fields[field] as v.GenericSchema, input, { abortPipeEarly });
      if (!result.success) for (const issue of result.issues) codes.add(issue.message);
    }
  }
  return codes;
}

const fieldNames = Object.keys(fields) as FieldName[];

describe('error messages', () => {
  it('the probes make every field complain', () => {
    for (const field of fieldNames) expect(codesOf(field).size, field).toBeGreaterThan(0);
    // Boundaries reached: each code of the vocabulary comes up somewhere.
    const all = new Set(fieldNames.flatMap((f) => [...codesOf(f)]));
    expect([...all].sort()).toEqual(
      ['invalid', 'required', 'too_large', 'too_long', 'too_short', 'too_small'].sort(),
    );
  });

  it('every code a field can give has a message in Welsh and English', () => {
    const missing: string[] = [];
    for (const field of fieldNames) {
      for (const code of codesOf(field)) {
        for (const lang of ['cy', 'en'] as const) {
          if (!set.flat[lang].has(`errors.fields.${field}.${code}`)) {
            missing.push(`${lang}: errors.fields.${field}.${code}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every API error code has a message in Welsh and English', () => {
    for (const code of apiErrorCodes) {
      expect(set.flat.cy.has(`errors.api.${code}`), `cy ${code}`).toBe(true);
      expect(set.flat.en.has(`errors.api.${code}`), `en ${code}`).toBe(true);
    }
  });
});
