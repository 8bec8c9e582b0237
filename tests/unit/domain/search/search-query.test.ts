/**
 * What a typed query is looked up as: examples a coordinator would type, including the ones that
 * are more than one thing, and the ones too short or too odd to be anything.
 */
import { describe, expect, it } from 'vitest';
import {
  answers,
  isMistypedReference,
  searchLookups,
  type Lookup,
} from '#domain/search/search-query.ts';
import { makeReference } from '#domain/requests/reference.ts';
import { nameKey, nameKeys, phoneKey, postcodePrefixes } from '#domain/search/normal-forms.ts';

const ref = makeReference(() => 4); // 44444444 and its check digit

describe('searchLookups', () => {
  it('finds a reference with or without spaces', () => {
    for (const typed of [ref, `${ref.slice(0, 3)} ${ref.slice(3, 6)} ${ref.slice(6)}`, `#${ref}`])
      expect(searchLookups(typed)).toContainEqual({ kind: 'reference', key: ref, match: 'exact' });
  });

  it('looks up the start of a reference from three digits', () => {
    expect(searchLookups('444 44')).toEqual([{ kind: 'reference', key: '44444', match: 'prefix' }]);
    expect(searchLookups('44')).toEqual([]);
  });

  it('reads every UK phone format as one number', () => {
    for (const typed of [
      '07700 900123',
      '+44 7700 900123',
      '0044 7700 900123',
      '+44 (0)7700 900123',
      '07700-900-123',
      '07700.900.123',
      '7700900123',
    ])
      expect(searchLookups(typed)).toContainEqual({
        kind: 'phone',
        key: '07700900123',
        match: 'exact',
      });
    expect(searchLookups('(01234) 567890')).toEqual([
      { kind: 'phone', key: '01234567890', match: 'exact' },
    ]);
  });

  it('looks up the start of a phone number, and gives both readings when it could be a reference', () => {
    expect(searchLookups('+44 7700 9')).toEqual([
      { kind: 'phone', key: '077009', match: 'prefix' },
    ]);
    expect(searchLookups('077')).toEqual([]);
    const zeroRef = makeReference(() => 0); // 000000000
    expect(searchLookups(zeroRef)).toEqual([
      { kind: 'reference', key: zeroRef, match: 'exact' },
      { kind: 'phone', key: zeroRef, match: 'prefix' },
    ]);
  });

  it('finds a postcode in any case and spacing, and a district by its outward code', () => {
    expect(searchLookups(' cf101aa ')).toEqual([
      { kind: 'postcode', key: 'CF10 1AA', match: 'exact' },
    ]);
    expect(searchLookups('cf10')).toEqual([
      { kind: 'district', key: 'CF10', match: 'exact' },
      { kind: 'postcode', key: 'CF1 0', match: 'prefix' },
    ]);
    expect(searchLookups('cf10 ')[0]).toEqual({ kind: 'district', key: 'CF10', match: 'exact' });
    expect(searchLookups('CF10 1')).toEqual([{ kind: 'postcode', key: 'CF10 1', match: 'prefix' }]);
  });

  it('gives each reading of a postcode typed without its space', () => {
    expect(searchLookups('sa11')).toEqual([
      { kind: 'district', key: 'SA11', match: 'exact' },
      { kind: 'postcode', key: 'SA1 1', match: 'prefix' },
    ]);
    expect(postcodePrefixes('CF101A')).toEqual(['CF10 1A']);
  });

  it('finds a name whatever its case and accents, from any word', () => {
    const stored = nameKeys('Siân Lloyd-Jones');
    expect(stored).toEqual(['sian lloyd jones', 'lloyd jones', 'jones']);
    const found = (q: string) =>
      searchLookups(q).some((l) => l.kind === 'name' && stored.some((k) => answers(l, k)));
    for (const q of ['sian', 'SIÂN', 'Sian Ll', 'lloyd', 'jones', 'Lloyd Jones']) {
      expect(found(q), q).toBe(true);
    }
    expect(found('siani')).toBe(false);
    expect(found('ones')).toBe(false);
  });

  it('takes off Welsh and other accents, joins apostrophes, and splits hyphens', () => {
    expect(nameKey('Gwenllïan ŴYNNE-Ŷr')).toBe('gwenllian wynne yr');
    expect(nameKey("Dafydd O'Brien")).toBe('dafydd obrien');
    expect(nameKey('Siôn’s')).toBe('sions');
    expect(nameKey('  Élodie   Müller ')).toBe('elodie muller');
  });

  it('looks nothing up for empty or shapeless text', () => {
    for (const q of ['', '   ', '!!!', 'cf10 1aa 2', '12ab'])
      expect(searchLookups(q), q).toEqual([]);
  });

  it('never calls a stored key found unless it matches as the lookup says', () => {
    const exact: Lookup = { kind: 'district', key: 'SA1', match: 'exact' };
    expect(answers(exact, 'SA1')).toBe(true);
    expect(answers(exact, 'SA10')).toBe(false);
    expect(answers({ ...exact, kind: 'postcode', match: 'prefix' }, 'SA1 1AA')).toBe(true);
  });
});

describe('isMistypedReference', () => {
  it('spots nine digits whose check digit fails, and nothing else', () => {
    const wrong = `${ref.slice(0, 8)}${(Number(ref[8]) + 1) % 10}`;
    expect(isMistypedReference(wrong)).toBe(true);
    expect(isMistypedReference(ref)).toBe(false);
    expect(isMistypedReference('4444')).toBe(false);
    expect(phoneKey('0800 000')).toBe(null);
  });
});
