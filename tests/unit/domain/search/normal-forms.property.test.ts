/**
 * Search keys survive the way people type: any format of the same phone, any case and spacing of
 * the same postcode, any grouping of the same reference, and any case and accents on the same name
 * come to one key, and a query typed any of those ways finds the stored key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReference } from '#domain/requests/reference.ts';
import { districtKey, nameKey, phoneKey, postcodeKey } from '#domain/search/normal-forms.ts';
import { answers, searchLookups } from '#domain/search/search-query.ts';
import {
  accentedVariant,
  caseAndSpacing,
  district,
  nationalPhone,
  phoneVariant,
  plainName,
  postcode,
  reference,
  referenceVariant,
} from './search-arbitraries.ts';

const finds = (query: string, kind: string, key: string) =>
  searchLookups(query).some((l) => l.kind === kind && answers(l, key));

describe('search normal forms (properties)', () => {
  it('every format of one phone number has one key, and a search typed so finds it', () => {
    fc.assert(
      fc.property(
        nationalPhone.chain((n) => fc.tuple(fc.constant(n), phoneVariant(n))),
        ([national, typed]) => {
          expect(phoneKey(typed)).toBe(national);
          expect(finds(typed, 'phone', national)).toBe(true);
        },
      ),
    );
  });

  it('every case and spacing of one postcode has one key, and finds it', () => {
    fc.assert(
      fc.property(
        postcode.chain((p) => fc.tuple(fc.constant(p), caseAndSpacing(p))),
        ([canonical, typed]) => {
          expect(postcodeKey(typed)).toBe(canonical);
          expect(finds(typed, 'postcode', canonical)).toBe(true);
        },
      ),
    );
  });

  it('every case and spacing of one district has one key, and finds it', () => {
    fc.assert(
      fc.property(
        district.chain((d) => fc.tuple(fc.constant(d), caseAndSpacing(d))),
        ([canonical, typed]) => {
          expect(districtKey(typed)).toBe(canonical);
          expect(finds(typed, 'district', canonical)).toBe(true);
        },
      ),
    );
  });

  it('the start of a postcode, typed with its space, finds it', () => {
    fc.assert(
      fc.property(postcode, fc.integer({ min: 1, max: 2 }), fc.boolean(), (p, cut, lower) => {
        const typed = p.slice(0, p.indexOf(' ') + 1 + cut);
        expect(finds(lower ? typed.toLowerCase() : typed, 'postcode', p)).toBe(true);
      }),
    );
  });

  it('every grouping of one reference finds it', () => {
    fc.assert(
      fc.property(
        reference.chain((r) => fc.tuple(fc.constant(r), referenceVariant(r))),
        ([canonical, typed]) => {
          expect(parseReference(typed)).toBe(canonical);
          expect(finds(typed, 'reference', canonical)).toBe(true);
        },
      ),
    );
  });

  it('a name key survives case and accents, and the plain name finds the accented one', () => {
    fc.assert(
      fc.property(
        plainName.chain((n) => fc.tuple(fc.constant(n), accentedVariant(n))),
        ([plain, accented]) => {
          expect(nameKey(accented)).toBe(plain);
          expect(finds(plain, 'name', nameKey(accented))).toBe(true);
          expect(finds(accented.toUpperCase(), 'name', plain)).toBe(true);
        },
      ),
    );
  });

  it('no two different phones, postcodes or names share a key', () => {
    fc.assert(
      fc.property(nationalPhone, nationalPhone, (a, b) => {
        fc.pre(a !== b);
        expect(phoneKey(a)).not.toBe(phoneKey(b));
      }),
    );
    fc.assert(
      fc.property(postcode, postcode, (a, b) => {
        fc.pre(a !== b);
        expect(postcodeKey(a)).not.toBe(postcodeKey(b));
      }),
    );
    fc.assert(
      fc.property(plainName, plainName, (a, b) => {
        fc.pre(a !== b);
        expect(nameKey(a)).not.toBe(nameKey(b));
      }),
    );
  });
});
