/**
 * The demo's points (scripts/seed/points/): every town the seed names has a centre in Wales, and
 * every seeded request carries its district's centre and a contact point near its town, in the
 * shapes the server writes and the schemas accept, so the geocoder has nothing left to do for them.
 */
import { describe, expect, it } from 'vitest';
import { needsCentroid, needsLocation } from '#domain/places/geocoded.ts';
import type { Point } from '#domain/places/point.ts';
import { normalisePostcode } from '#domain/questions/contact-format.ts';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { generate, maxAreas } from '../../../../../scripts/seed/generate.ts';
import { places } from '../../../../../scripts/seed/places.ts';
import { seededRandom } from '../../../../../scripts/seed/random.ts';
import { nearKm, pointNear } from '../../../../../scripts/seed/points/seeded-points.ts';
import {
  townCentre,
  townCentreDistricts,
} from '../../../../../scripts/seed/points/town-centres.ts';

/** Great-circle distance in km (haversine, mean Earth radius). */
function km(a: Point, b: Point): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/**
 * Wales's extent, a little generous: Bardsey and St Davids Head in the west, the Dee and Wye in the
 * east, Point Lynas in the north and Barry Island in the south. Any point outside is not in Wales.
 */
const inWales = (p: Point) => p.lat > 51.35 && p.lat < 53.44 && p.lon > -5.35 && p.lon < -2.65;

const cardiff: Point = { lat: 51.4816, lon: -3.1791 };
const bangor: Point = { lat: 53.2274, lon: -4.1293 };

describe('town centres', () => {
  it('has a centre in Wales for every town the seed names, and no other', () => {
    const districts = places.flatMap((p) => p.towns.map((t) => t.district));
    expect([...townCentreDistricts].sort()).toEqual([...districts].sort());
    for (const district of districts) {
      const centre = townCentre(district);
      expect(centre, district).not.toBeNull();
      expect(inWales(centre!), district).toBe(true);
    }
  });

  it('knows its towns where they are: Cardiff and Bangor, not mixed up', () => {
    expect(km(townCentre('CF10')!, cardiff)).toBeLessThan(1);
    expect(km(townCentre('LL57')!, bangor)).toBeLessThan(1);
    // Bangor is about 190 km north-west of Cardiff as the crow flies.
    expect(km(townCentre('CF10')!, townCentre('LL57')!)).toBeGreaterThan(180);
    expect(townCentre('ZZ9')).toBeNull();
  });

  it('puts each area’s towns near each other (Powys, the widest, spans about 80 km)', () => {
    for (const place of places) {
      const centres = place.towns.map((t) => townCentre(t.district)!);
      for (const a of centres) for (const b of centres) expect(km(a, b), place.id).toBeLessThan(90);
    }
  });
});

describe('pointNear', () => {
  it('stays within the distance and spreads over it', () => {
    const r = seededRandom(3);
    const distances = Array.from({ length: 2000 }, () =>
      km(
        cardiff,
        pointNear(cardiff, 2, () => r.next()),
      ),
    );
    // Rounding to 5 decimal places moves a point by under a metre.
    expect(Math.max(...distances)).toBeLessThanOrEqual(2.001);
    expect(Math.max(...distances)).toBeGreaterThan(1.9);
    // Even over the disc: about a quarter of the points lie within half the radius.
    const inner = distances.filter((d) => d < 1).length / distances.length;
    expect(inner).toBeGreaterThan(0.2);
    expect(inner).toBeLessThan(0.3);
  });
});

describe('seeded requests', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  const shape = { requests: 400, volunteers: 20, areas: maxAreas, coordinators: 1, seed: 11, now };
  const { docs } = generate(shape);
  const requests = docs.filter((d): d is RequestDoc => d.type === 'request');
  const contacts = new Map(
    docs.filter((d): d is ContactDoc => d.type === 'contact').map((c) => [c.request_id, c]),
  );

  it('gives every request its district’s centre, as the server writes it', () => {
    expect(requests).toHaveLength(shape.requests);
    for (const request of requests) {
      const centroid = request.district_centroid;
      expect(centroid, request._id).toBeDefined();
      expect(centroid!.district).toBe(request.postcode_district);
      expect({ lat: centroid!.lat, lon: centroid!.lon }).toEqual(
        townCentre(request.postcode_district),
      );
      expect(needsCentroid(centroid, request.postcode_district)).toBe(false);
      expect(centroid!.at > request.created_at).toBe(true);
      expect(parseStaffDoc(request).ok, request._id).toBe(true);
    }
  });

  it('gives every contact a point in Wales near its town, for its own postcode', () => {
    const spread = new Set<string>();
    for (const request of requests) {
      const contact = contacts.get(request._id);
      expect(contact, request._id).toBeDefined();
      const location = contact!.location!;
      expect(location, request._id).toBeDefined();
      const postcode = normalisePostcode(contact!.contact.postcode);
      expect(location.postcode).toBe(postcode);
      expect(location.precision).toBe('unit');
      expect(needsLocation(location, postcode)).toBe(false);
      expect(inWales(location)).toBe(true);
      expect(km(location, townCentre(request.postcode_district)!)).toBeLessThanOrEqual(
        nearKm + 0.001,
      );
      expect(parseStaffDoc(contact).ok, contact!._id).toBe(true);
      spread.add(`${location.lat},${location.lon}`);
    }
    // People live apart, not all on the town hall's steps.
    expect(spread.size).toBe(requests.length);
  });

  it('places the same people in the same places for the same seed', () => {
    const again = generate(shape).docs.filter((d) => d.type === 'contact') as ContactDoc[];
    expect(again.map((c) => c.location)).toEqual(
      requests.map((r) => contacts.get(r._id)!.location),
    );
  });
});
