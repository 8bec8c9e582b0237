import { describe, expect, it } from 'vitest';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { areaSlug, judgeArea, splitDistricts, type AreaInput } from '#domain/admin/area-input.ts';
import { isKnownDistrictShape } from '#domain/places/postcode-areas.ts';

const input = (change: Partial<AreaInput> = {}): AreaInput => ({
  name_cy: 'Ceredigion',
  name_en: 'Ceredigion',
  postcode_districts: ['SY23'],
  active: true,
  ...change,
});

const stored = (
  id: string,
  cy: string,
  en: string,
  districts: string[],
  active?: boolean,
): AreaDoc => ({
  _id: `area:${id}`,
  type: 'area',
  name_cy: cy,
  name_en: en,
  postcode_districts: districts,
  ...(active === undefined ? {} : { active }),
});

const gwynedd = stored('gwynedd', 'Gwynedd', 'Gwynedd', ['LL55', 'LL57']);

describe('judgeArea', () => {
  it('makes a new area, its id from the English name and its districts tidy', () => {
    const judged = judgeArea(
      input({
        name_en: 'Vale of Glamorgan ',
        name_cy: 'Bro Morgannwg',
        postcode_districts: ['cf62', ' CF61', 'CF62'],
      }),
      null,
      [gwynedd],
    );
    expect(judged).toEqual({
      ok: true,
      doc: {
        _id: 'area:vale-of-glamorgan',
        type: 'area',
        name_cy: 'Bro Morgannwg',
        name_en: 'Vale of Glamorgan',
        postcode_districts: ['CF61', 'CF62'],
        active: true,
      },
    });
  });

  it.each([
    [
      'a name another area has, in any case or accent',
      input({ name_cy: 'gwynedd' }),
      { name_cy: 'taken' },
    ],
    ['an English name that makes a taken id', input({ name_en: 'Gwynedd!' }), { name_en: 'taken' }],
    ['a name of punctuation alone', input({ name_en: '!!!' }), { name_en: 'invalid' }],
    ['an empty Welsh name', input({ name_cy: ' ' }), { name_cy: 'required' }],
    [
      'a malformed district',
      input({ postcode_districts: ['SY2 3'] }),
      { postcode_districts: 'malformed_district' },
    ],
    [
      'a district of no postcode area',
      input({ postcode_districts: ['QQ1'] }),
      { postcode_districts: 'unknown_district' },
    ],
    [
      'a district another active area has',
      input({ postcode_districts: ['LL57'] }),
      { postcode_districts: 'district_taken' },
    ],
  ])('refuses %s', (_what, given, fields) => {
    expect(judgeArea(given, null, [gwynedd])).toMatchObject({ ok: false, fields });
  });

  it('lets an area keep its own names and districts when changed', () => {
    const judged = judgeArea(
      input({ name_cy: 'Gwynedd', name_en: 'Gwynedd', postcode_districts: ['LL55'] }),
      'gwynedd',
      [gwynedd],
    );
    expect(judged).toMatchObject({
      ok: true,
      doc: { _id: 'area:gwynedd', postcode_districts: ['LL55'] },
    });
  });

  it('lets a district go to a new area once its old area is inactive, and an inactive area share one', () => {
    const retired = stored('gwynedd', 'Gwynedd', 'Gwynedd', ['LL55'], false);
    expect(judgeArea(input({ postcode_districts: ['LL55'] }), null, [retired]).ok).toBe(true);
    expect(
      judgeArea(input({ postcode_districts: ['LL55'], active: false }), null, [gwynedd]).ok,
    ).toBe(true);
  });
});

describe('what an admin types', () => {
  it('splits districts on commas, spaces and new lines', () => {
    expect(splitDistricts(' sy23, SY24\nsy25;;')).toEqual(['SY23', 'SY24', 'SY25']);
    expect(splitDistricts('')).toEqual([]);
  });

  it('makes ids of Welsh names without their accents', () => {
    expect(areaSlug('Ynys Môn')).toBe('ynys-mon');
    expect(areaSlug('  Rhondda Cynon Taf ')).toBe('rhondda-cynon-taf');
  });

  it('knows real postcode areas', () => {
    expect(['SY23', 'CF10', 'LL55', 'E1', 'EC1A', 'W1A', 'NP20'].every(isKnownDistrictShape)).toBe(
      true,
    );
    expect(['ZZ1', 'QQ10', 'SY', '23', 'SY2Q3', 'sy23'].some(isKnownDistrictShape)).toBe(false);
  });
});
