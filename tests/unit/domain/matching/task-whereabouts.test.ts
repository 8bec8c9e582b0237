/**
 * Where an open task is, as a volunteer sees it: the district's town in both languages, the
 * district, and the straight-line distance between the district's centre and the base's, with
 * nothing when the base or the district's point is not known (or is for a district since changed).
 */
import { describe, expect, it } from 'vitest';
import { kmFromBase, taskWhereabouts } from '#domain/matching/task-whereabouts.ts';
import { townOfDistrict } from '#domain/places/district-towns.ts';
import type { DistrictCentroid } from '#domain/places/geocoded.ts';

const at = '2026-03-01T10:00:00.000Z';
const centre = (district: string, lat: number, lon: number): DistrictCentroid => ({
  lat,
  lon,
  district,
  at,
});
// Aberystwyth's and Lampeter's centres as the demo places them (scripts/seed/points).
const aberystwyth = { lat: 52.4153, lon: -4.0829 };
const lampeter = centre('SA48', 52.1122, -4.0808);

describe('kmFromBase', () => {
  it('measures from the base to the centre of the district, in a straight line', () => {
    const km = kmFromBase(aberystwyth, { postcode_district: 'SA48', district_centroid: lampeter });
    // 0.3031° of latitude at the Earth's mean radius is 33.70 km; the longitudes barely differ.
    expect(km).toBeCloseTo(33.7, 1);
  });

  it('is 0 within one district, whatever the street', () => {
    const base = { lat: lampeter.lat, lon: lampeter.lon };
    expect(kmFromBase(base, { postcode_district: 'SA48', district_centroid: lampeter })).toBe(0);
  });

  it('is the same either way round', () => {
    const there = centre('SY23', aberystwyth.lat, aberystwyth.lon);
    const a = kmFromBase(aberystwyth, { postcode_district: 'SA48', district_centroid: lampeter });
    const b = kmFromBase(
      { lat: lampeter.lat, lon: lampeter.lon },
      { postcode_district: 'SY23', district_centroid: there },
    );
    expect(a).toBeCloseTo(b!, 9);
  });

  it('is unknown with no base, no point yet, or a point for another district', () => {
    expect(kmFromBase(null, { postcode_district: 'SA48', district_centroid: lampeter })).toBeNull();
    expect(kmFromBase(aberystwyth, { postcode_district: 'SA48' })).toBeNull();
    // The district was corrected after the server placed it: the old point says nothing.
    expect(
      kmFromBase(aberystwyth, { postcode_district: 'SA43', district_centroid: lampeter }),
    ).toBeNull();
  });
});

describe('taskWhereabouts', () => {
  it('gives the town in both languages, the district and the distance', () => {
    const where = taskWhereabouts(
      { postcode_district: 'SA48', district_centroid: lampeter },
      aberystwyth,
    );
    expect(where.district).toBe('SA48');
    expect(where.town).toEqual({ cy: 'Llanbedr Pont Steffan', en: 'Lampeter' });
    expect(where.km).toBeCloseTo(33.7, 1);
  });

  it('gives the district alone for a district the table does not know, and no distance without a base', () => {
    expect(taskWhereabouts({ postcode_district: 'ZZ9' }, null)).toEqual({
      district: 'ZZ9',
      town: null,
      km: null,
    });
  });

  it('holds only what the request itself carries: nothing of the contact', () => {
    const where = taskWhereabouts({ postcode_district: 'SA48', district_centroid: lampeter }, null);
    expect(Object.keys(where).sort()).toEqual(['district', 'km', 'town']);
  });
});

describe('townOfDistrict', () => {
  it('knows a town by its district and nothing else', () => {
    expect(townOfDistrict('SY23')).toEqual({ cy: 'Aberystwyth', en: 'Aberystwyth' });
    expect(townOfDistrict('CF10')).toEqual({ cy: 'Caerdydd', en: 'Cardiff' });
    expect(townOfDistrict('toString')).toBeNull();
    expect(townOfDistrict('')).toBeNull();
  });
});
