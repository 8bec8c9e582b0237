/**
 * The server's points on the request and the contact: their schemas, what makes one stale, how two
 * of them merge, and that no device's write may add, move or drop one (places/, access/).
 */
import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import { resolveLatestWins } from '#domain/replication/conflicts.ts';
import { mergeRequests } from '#domain/replication/merge.ts';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import {
  laterFact,
  needsCentroid,
  needsLocation,
  type DistrictCentroid,
  type Location,
} from '#domain/places/geocoded.ts';
import { meanPoint, roundedPoint } from '#domain/places/point.ts';
import { at, contactFor, coordinatorId, request, user } from '../../../support/factories.ts';

const centroid = (minutes: number, lat = 52.37949): DistrictCentroid => ({
  lat,
  lon: -4.05178,
  district: 'SY23',
  at: at(minutes),
});
const location = (minutes: number, lat = 52.41456): Location => ({
  lat,
  lon: -4.08454,
  postcode: 'SY23 1DE',
  precision: 'unit',
  at: at(minutes),
});

describe('points', () => {
  it('rounds to five places and averages a district', () => {
    expect(roundedPoint(51.4757612, -3.1792149)).toEqual({ lat: 51.47576, lon: -3.17921 });
    expect(meanPoint([roundedPoint(51, -3), roundedPoint(52, -4)])).toEqual({
      lat: 51.5,
      lon: -3.5,
    });
    expect(meanPoint([])).toBeNull();
  });

  it('are accepted on the documents only in their schema', () => {
    const doc = { ...request(), district_centroid: centroid(5) };
    expect(parseStaffDoc(doc).ok).toBe(true);
    expect(parseStaffDoc({ ...doc, district_centroid: { ...centroid(5), lat: 91 } }).ok).toBe(
      false,
    );
    expect(parseStaffDoc({ ...doc, district_centroid: { ...centroid(5), extra: 1 } }).ok).toBe(
      false,
    );
    const contact = { ...contactFor(request()), location: location(5) };
    expect(parseStaffDoc(contact).ok).toBe(true);
    expect(
      parseStaffDoc({ ...contact, location: { ...location(5), postcode: 'nowhere' } }).ok,
    ).toBe(false);
  });
});

describe('what needs working out again', () => {
  it('a missing point, or one for another district or postcode', () => {
    expect(needsCentroid(undefined, 'SY23')).toBe(true);
    expect(needsCentroid(centroid(1), 'SY23')).toBe(false);
    expect(needsCentroid(centroid(1), 'SY24')).toBe(true);
    expect(needsLocation(undefined, 'SY23 1DE')).toBe(true);
    expect(needsLocation(location(1), 'SY23 1DE')).toBe(false);
    expect(needsLocation(location(1), 'SY23 1DF')).toBe(true);
  });
});

describe('merging the server’s facts', () => {
  it('keeps a present one over an absent one, then the later, whatever the order', () => {
    const [a, b] = [centroid(1), centroid(2, 52.4)];
    expect(laterFact(a, undefined)).toBe(a);
    expect(laterFact(undefined, a)).toBe(a);
    expect(laterFact(a, b)).toBe(b);
    expect(laterFact(b, a)).toBe(b);
    const twin = centroid(1, 52.5);
    expect(laterFact(a, twin)).toEqual(laterFact(twin, a));
  });

  it('keeps the request’s centroid when a device edited a revision from before it', () => {
    const original = request({ status: 'triaged' });
    const geocoded = { ...original, district_centroid: centroid(4) };
    const edited = setRegister(original, 'urgency', 'high', coordinatorId, at(10));
    for (const merged of [mergeRequests(geocoded, edited), mergeRequests(edited, geocoded)]) {
      expect(merged.district_centroid).toEqual(centroid(4));
      expect(merged.urgency).toBe('high');
    }
  });

  it('keeps the contact’s location when a later edit grew from before it, ancestor or not', () => {
    const original = { ...contactFor(request()), _rev: '1-a' };
    const geocoded = { ...original, _rev: '2-b', location: location(4) };
    const edited = {
      ...original,
      _rev: '2-c',
      contact: { ...original.contact, phone: '01970 000000' },
      updated_at: at(30),
    };
    for (const ancestor of [original, null]) {
      const { doc } = resolveLatestWins(edited, [geocoded], ancestor);
      expect(doc.location).toEqual(location(4));
      expect(doc.contact.phone).toBe('01970 000000');
    }
  });
});

describe('devices never write the server’s facts', () => {
  const admin = user('admin');
  const coordinator = user('coordinator', ['ceredigion']);

  it('refuses a new request or contact that brings its own point', () => {
    const doc = request();
    const forged = { ...doc, district_centroid: centroid(1) };
    expect(canWrite(coordinator, null, forged)).toEqual({ ok: false, reason: 'read_only_field' });
    const contact = { ...contactFor(doc), location: location(1) };
    expect(canWrite(admin, null, contact, doc)).toEqual({ ok: false, reason: 'read_only_field' });
    expect(canWrite(admin, null, contactFor(doc), doc)).toEqual({ ok: true });
  });

  it('refuses moving or dropping a point, and lets every other edit carry it unchanged', () => {
    const doc = { ...request({ status: 'triaged' }), district_centroid: centroid(1) };
    const edit = setRegister(doc, 'urgency', 'high', admin.id, at(5));
    expect(canWrite(admin, doc, edit)).toEqual({ ok: true });
    // Keys in another order are the same point.
    const reordered = {
      ...edit,
      district_centroid: { at: at(1), district: 'SY23', lon: -4.05178, lat: 52.37949 },
    };
    expect(canWrite(admin, doc, reordered)).toEqual({ ok: true });
    const moved = { ...edit, district_centroid: centroid(1, 52.0) };
    expect(canWrite(admin, doc, moved)).toEqual({ ok: false, reason: 'read_only_field' });
    const dropped: RequestDoc = { ...edit };
    delete dropped.district_centroid;
    expect(canWrite(admin, doc, dropped)).toEqual({ ok: false, reason: 'read_only_field' });

    const contact = { ...contactFor(doc), location: location(1) };
    const moves = { ...contact, location: location(1, 52.5), updated_at: at(6) };
    expect(canWrite(coordinator, contact, moves, doc)).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
    const phone = {
      ...contact,
      contact: { ...contact.contact, phone: '01970 000000' },
      updated_at: at(6),
    };
    expect(canWrite(coordinator, contact, phone, doc)).toEqual({ ok: true });
  });
});
