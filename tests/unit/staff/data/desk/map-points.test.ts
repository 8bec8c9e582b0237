import { describe, expect, it } from 'vitest';
import { basePoints } from '$lib/staff/data/desk/map-points.ts';
import { profile } from '../../../../support/factories.ts';

const based = (p: ReturnType<typeof profile>) => ({
  ...p,
  base_centroid: { lat: 51.48, lon: -3.18, district: 'CF10', at: '2026-12-01T10:00:00.000Z' },
});

describe("volunteers' bases on the map", () => {
  it('shows approved volunteers of the areas asked for whose base is placed, and no others', () => {
    const profiles = new Map([
      ['placed', based(profile('placed', ['caerdydd']))],
      ['pending', based(profile('pending', ['caerdydd'], 'pending'))],
      ['elsewhere', based(profile('elsewhere', ['ceredigion']))],
      ['unplaced', profile('unplaced', ['caerdydd'])],
    ]);
    expect(basePoints(profiles, ['caerdydd', 'powys'])).toEqual([
      { userId: 'placed', name: 'Dafydd ap Gwilym', lat: 51.48, lon: -3.18 },
    ]);
    expect(basePoints(profiles, ['ceredigion']).map((b) => b.userId)).toEqual(['elsewhere']);
  });
});
