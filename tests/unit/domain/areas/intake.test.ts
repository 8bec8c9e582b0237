import { describe, expect, it } from 'vitest';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { areaForDistrict } from '#domain/areas/intake.ts';

const area = (id: string, districts?: string[], deleted = false): AreaDoc => ({
  _id: `area:${id}`,
  type: 'area',
  name_cy: id,
  name_en: id,
  ...(districts ? { postcode_districts: districts } : {}),
  ...(deleted ? { _deleted: true } : {}),
});

describe('areaForDistrict', () => {
  it('finds the area that lists the district', () => {
    const areas = [area('gwynedd', ['LL55', 'LL57']), area('ceredigion', ['SY23'])];
    expect(areaForDistrict(areas, 'SY23')).toBe('ceredigion');
    expect(areaForDistrict(areas, 'LL57')).toBe('gwynedd');
  });

  it('leaves a district no area lists unrouted, and ignores areas without districts', () => {
    expect(areaForDistrict([area('powys'), area('gwynedd', ['LL55'])], 'LD1')).toBeNull();
  });

  it('ignores deleted areas', () => {
    expect(areaForDistrict([area('old', ['SY23'], true)], 'SY23')).toBeNull();
  });

  it('picks the same area whatever order two overlapping areas come in', () => {
    const a = area('b-area', ['SA48']);
    const b = area('a-area', ['SA48']);
    expect(areaForDistrict([a, b], 'SA48')).toBe('a-area');
    expect(areaForDistrict([b, a], 'SA48')).toBe('a-area');
  });
});

describe('an inactive area', () => {
  it('takes no new requests, leaving its districts unrouted', () => {
    const retired: AreaDoc = { ...area('ceredigion', ['SY23']), active: false };
    expect(areaForDistrict([retired], 'SY23')).toBeNull();
    expect(areaForDistrict([retired, area('aber', ['SY23'])], 'SY23')).toBe('aber');
  });
});
