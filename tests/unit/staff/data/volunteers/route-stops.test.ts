import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { StaffUser } from '#domain/people/users.ts';
import { dayRoute } from '$lib/staff/data/volunteers/route-stops.ts';
import { contactFor, profile, request, testUuid } from '../../../../support/factories.ts';
import { readModels } from '../read-models.ts';

const modelWith = readModels('route-stops');
const at = '2026-12-01T10:00:00.000Z';
const now = '2026-12-07T10:00:00.000Z';

describe("a volunteer's route for the day", () => {
  const me = testUuid();
  const user: StaffUser = { id: me, role: 'volunteer', areas: ['ceredigion'], disabled: false };
  const base = { lat: 52.415, lon: -4.083, district: 'SY23', at };
  const mine = { ...profile(me, ['ceredigion']), base_centroid: base, base_postcode: 'SY23 1AA' };
  // Far, near and nowhere: the route goes to the near one first.
  const far = { ...request({ assignee: me, status: 'assigned' }) };
  const farAt = { lat: 52.14, lon: -4.45, district: 'SA44', at };
  const near = { ...request({ assignee: me, status: 'in_progress' }) };
  const nowhere = request({ assignee: me, status: 'assigned' });
  const done = request({ assignee: me, status: 'done' });
  const nearContact = {
    ...contactFor(near),
    location: { lat: 52.41, lon: -4.08, postcode: 'SY23 2AB', precision: 'unit' as const, at },
  };
  const docs = [
    mine,
    { ...far, district_centroid: farAt },
    { ...near, district_centroid: { ...farAt, lat: 52.0 } },
    nearContact,
    nowhere,
    { ...done, district_centroid: farAt },
  ];

  it('orders the held tasks from the base, each at the best point the device knows', async () => {
    const model = await modelWith(docs);
    const day = await dayRoute(model, user, mine, null, now);
    expect(day.start).toEqual({ lat: base.lat, lon: base.lon });
    expect(day.route?.stops.map((s) => [s.id, s.precision])).toEqual([
      [near._id, 'unit'],
      [far._id, 'district'],
    ]);
    expect(day.route?.stops[0]).toMatchObject({ lat: 52.41, lon: -4.08 });
    expect(day.route!.legMetres[0]).toBeLessThan(1000);
    expect(day.unplaced.map((r) => r._id)).toEqual([nowhere._id]);
  });

  it('uses no contact its user may not read, though the device still holds it', async () => {
    // The resident has not agreed to share (or withdrew, and the purge has not run yet).
    const unshared = request({ assignee: me, status: 'assigned', consented: false });
    const lingering = {
      ...contactFor(unshared),
      location: { lat: 52.41, lon: -4.08, postcode: 'SY23 2AB', precision: 'unit' as const, at },
    };
    const model = await modelWith([mine, { ...unshared, district_centroid: farAt }, lingering]);
    const day = await dayRoute(model, user, mine, null, now);
    expect(day.route?.stops).toHaveLength(1);
    expect(day.route?.stops[0]).toMatchObject({
      id: unshared._id,
      contact: null,
      precision: 'district',
      lat: farAt.lat,
    });
  });

  it('starts from where the volunteer is when they say, and orders nothing without a start', async () => {
    const model = await modelWith(docs);
    const there = { lat: 52.15, lon: -4.46 };
    const fromThere = await dayRoute(model, user, mine, there, now);
    expect(fromThere.start).toEqual(there);
    expect(fromThere.route?.stops.map((s) => s.id)).toEqual([far._id, near._id]);
    const nowhereToStart = await dayRoute(model, user, undefined, null, now);
    expect(nowhereToStart).toMatchObject({ start: null, route: null });
  });
});
