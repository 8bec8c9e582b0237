/**
 * The seed's volunteers' bases (scripts/seed/points/seeded-bases.ts): every seeded volunteer gives
 * a base in a town of their home area, some the whole postcode and some only the district, and
 * carries the point the server would have written for it, so the desk can say how far each one is
 * from a seeded request and the geocoder has nothing left to do for them.
 */
import { describe, expect, it } from 'vitest';
import { baseNeedsPlacing, basePointOf, districtOfBase } from '#domain/people/volunteer-base.ts';
import { normaliseBasePostcode, type VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import { generate, maxAreas } from '../../../../../scripts/seed/generate.ts';
import { places } from '../../../../../scripts/seed/places.ts';
import { townCentre } from '../../../../../scripts/seed/points/town-centres.ts';

describe('seeded volunteers', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  const shape = { requests: 50, volunteers: 60, areas: maxAreas, coordinators: 2, seed: 11, now };
  const { docs } = generate(shape);
  const volunteers = docs.filter((d): d is VolunteerDoc => d.type === 'volunteer');

  it('each give a base in a town of their home area, placed at its district’s centre', () => {
    expect(volunteers).toHaveLength(shape.volunteers);
    for (const v of volunteers) {
      const base = v.base_postcode;
      expect(base, v._id).toBeDefined();
      expect(normaliseBasePostcode(base!)).toBe(base);
      const home = places.find((p) => p.id === v.areas[0])!;
      const district = districtOfBase(base!);
      expect(home.towns.map((t) => t.district)).toContain(district);
      expect(basePointOf(v)).toEqual(townCentre(district));
      expect(baseNeedsPlacing(v)).toBe(false);
      expect(v.base_centroid!.at > v.created_at).toBe(true);
      expect(parseStaffDoc(v).ok, v._id).toBe(true);
    }
  });

  it('give some a whole postcode and some only the district', () => {
    const whole = volunteers.filter((v) => v.base_postcode!.includes(' ')).length;
    expect(whole).toBeGreaterThan(0);
    expect(whole).toBeLessThan(volunteers.length);
  });

  it('are the same people with the same bases for the same seed', () => {
    const again = generate(shape).docs.filter((d) => d.type === 'volunteer');
    expect(again).toEqual(volunteers);
  });
});
