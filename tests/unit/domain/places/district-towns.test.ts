/**
 * The table of the towns postcode districts are known by (places/district-towns.ts): every key a
 * district as requests store it, every name clean in both languages, and, where the Code-Point
 * Open extract for Wales is on this machine, a town for every district in it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { districtsWithTowns, townOfDistrict } from '#domain/places/district-towns.ts';
import { districtKey } from '#domain/search/normal-forms.ts';

// One or more words of visible characters with single spaces between: nothing empty, no leading,
// trailing or doubled space, no tab or line break.
const cleanName = /^\S+(?: \S+)*$/u;

describe('the district towns table', () => {
  it('is keyed by districts in the form requests store them', () => {
    expect(districtsWithTowns.length).toBeGreaterThan(0);
    for (const district of districtsWithTowns)
      expect(districtKey(district), district).toBe(district);
    expect(new Set(districtsWithTowns).size).toBe(districtsWithTowns.length);
  });

  it('names every district in Welsh and in English, with no stray whitespace', () => {
    for (const district of districtsWithTowns) {
      const town = townOfDistrict(district);
      expect(town, district).not.toBeNull();
      for (const name of [town!.cy, town!.en]) {
        expect(name, district).toMatch(cleanName);
        // ŵ, ŷ and â written as one character, as typed and as searched, not as a letter and an accent.
        expect(name, district).toBe(name.normalize('NFC'));
      }
    }
  });

  it('names a border district by the place its Welsh part is addressed to', () => {
    expect(townOfDistrict('SY10')).toEqual({ cy: 'Croesoswallt', en: 'Oswestry' });
    expect(townOfDistrict('CH4')).toEqual({ cy: 'Caer', en: 'Chester' });
    // Hay-on-Wye's post town is Hereford, nearly 30 km away; the district's Welsh part is Hay.
    expect(townOfDistrict('HR3')).toEqual({ cy: 'Y Gelli Gandryll', en: 'Hay-on-Wye' });
  });
});

// The extract the server imports (../shared/data/geo/README.md); not every machine has it.
const districtsCsv = path.resolve('../shared/data/geo/districts-wales.csv');
const hasCsv = existsSync(districtsCsv);

describe.skipIf(!hasCsv)(
  `every district in the Code-Point Open extract for Wales${hasCsv ? '' : ' (skipped: ../shared/data/geo/districts-wales.csv is not on this machine)'}`,
  () => {
    it('has a town', () => {
      const [header, ...rows] = readFileSync(districtsCsv, 'utf8').trim().split('\n');
      expect(header).toBe('district,latitude,longitude,postcodes');
      const districts = rows.map((row) => row.split(',')[0]!);
      expect(districts.length).toBeGreaterThan(0);
      expect(districts.filter((district) => townOfDistrict(district) === null)).toEqual([]);
    });
  },
);
