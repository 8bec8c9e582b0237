/** Which document a write leaves needing points: its request's, or a volunteer's own profile. */
import { describe, expect, it } from 'vitest';
import { placeNeededFor } from '../../../../sync-server/geo/place-needed.ts';
import { at, contactFor, profile, request, testUuid } from '../../../support/factories.ts';

const sy23 = { lat: 52.41534, lon: -4.08288, district: 'SY23', at: at(1) };

describe('what a write leaves needing points', () => {
  it('a request without its centroid, or a contact without its location, names the request', () => {
    const r = request();
    expect(placeNeededFor(r)).toBe(r._id);
    expect(placeNeededFor({ ...r, district_centroid: sy23 })).toBeNull();
    expect(placeNeededFor(contactFor(r))).toBe(r._id);
  });

  it('a profile whose base was given, moved or removed names the profile', () => {
    const p = profile(testUuid(), ['ceredigion']);
    expect(placeNeededFor(p)).toBeNull();
    expect(placeNeededFor({ ...p, base_postcode: 'SY23 1AA' })).toBe(p._id);
    expect(placeNeededFor({ ...p, base_postcode: 'SY23 1AA', base_centroid: sy23 })).toBeNull();
    expect(placeNeededFor({ ...p, base_postcode: 'LL55', base_centroid: sy23 })).toBe(p._id);
    expect(placeNeededFor({ ...p, base_centroid: sy23 })).toBe(p._id);
    expect(placeNeededFor({ _id: p._id, _rev: '2-a', _deleted: true })).toBeNull();
  });
});
