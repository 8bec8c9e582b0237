/**
 * Reading Code-Point Open's lines and the converted pair, and the grid-to-WGS84 transform checked
 * against PROJ's answers for real units (within a few metres, what the Helmert transform is good for).
 */
import { describe, expect, it } from 'vitest';
import {
  codePointLine,
  convertedDistrictLine,
  convertedUnitLine,
  LineError,
} from '../../../../sync-server/geo/import/code-point.ts';
import { gridToWgs84 } from '../../../../sync-server/geo/import/osgb.ts';
import { codePointFiles, known, metresBetween } from '../../../support/geo/code-point-fixture.ts';

describe('the grid to WGS84', () => {
  it('lands within 3 m of PROJ for real units in Cardiff and Wrexham', () => {
    const rows = [...(codePointFiles['cf.csv'] ?? []), ...(codePointFiles['ll.csv'] ?? [])];
    let checked = 0;
    for (const line of rows) {
      const unit = codePointLine(line);
      const expected = unit === null ? undefined : known[unit.postcode];
      if (unit === null || expected === undefined) continue;
      expect(metresBetween(unit.point, expected), unit.postcode).toBeLessThan(3);
      checked++;
    }
    expect(checked).toBe(Object.keys(known).length);
  });

  it('puts the grid’s true origin where EPSG:27700 says (49°N 2°W is 400 km east, 100 km south)', () => {
    const origin = gridToWgs84(400_000, -100_000);
    // OSGB36's 49°N 2°W is about 50 m from WGS84's; the Helmert shift, not the projection.
    expect(metresBetween(origin, { lat: 49, lon: -2 })).toBeLessThan(150);
    expect(metresBetween(origin, { lat: 49, lon: -2 })).toBeGreaterThan(20);
  });
});

describe('Code-Point Open lines', () => {
  it('give the normalised postcode, written with or without its space', () => {
    const spaced = codePointLine(
      '"CF10 1EP",10,318200,175860,"W92000004","","W11000029","","W06000015","W05001274"',
    );
    const packed = codePointLine('"CF101EP",10,318200,175860,"W92000004","","","","",""');
    expect(spaced?.postcode).toBe('CF10 1EP');
    expect(packed).toEqual(spaced);
  });

  it('skip a unit without a grid reference', () => {
    expect(codePointLine('"SY18 9AA",90,0,0,"W92000004","","","","",""')).toBeNull();
  });

  it('refuse what is not one of theirs', () => {
    for (const line of ['postcode,latitude,longitude', '"CF10 1EP",10,east,north', 'nonsense']) {
      expect(() => codePointLine(line), line).toThrow(LineError);
    }
  });
});

describe('the converted pair', () => {
  it('reads units and districts', () => {
    expect(convertedUnitLine('cf10 1ep,51.47576,-3.17921')).toEqual({
      postcode: 'CF10 1EP',
      point: { lat: 51.47576, lon: -3.17921 },
    });
    expect(convertedDistrictLine('CF10,51.47477,-3.17318,635')).toEqual({
      district: 'CF10',
      point: { lat: 51.47477, lon: -3.17318 },
      count: 635,
    });
  });

  it('refuses a line without numbers or a postcode', () => {
    expect(() => convertedUnitLine('CF10 1EP,north,west')).toThrow(LineError);
    expect(() => convertedUnitLine('Cardiff,51.4,-3.1')).toThrow(LineError);
    expect(() => convertedDistrictLine('cardiff,51.4,-3.1,3')).toThrow(LineError);
  });
});
