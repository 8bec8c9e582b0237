/**
 * Areas made and changed through the admin API: requests route by them at intake; bad input is
 * a 400 with a code per field and changes nothing; each change is in the audit log by id alone.
 */
import { describe, expect, it } from 'vitest';
import { seedUser, serverPerTest, signedIn } from '../../support/staff/account-fixtures.ts';
import { foodSubmission, withField } from '../../support/server/submission-fixtures.ts';
import { postJson, type TestServer } from '../../support/server/test-server.ts';
import { adminCall, auditEntries, ceredigion } from './admin-fixtures.ts';

const start = serverPerTest();

async function asAdmin() {
  const s = await start();
  await seedUser(s.storage, { username: 'boss', role: 'admin' });
  return { s, cookie: await signedIn(s.url, 'boss') };
}

async function routedTo(s: TestServer, postcode: string) {
  const submission = withField(foodSubmission(), ['contact', 'postcode'], postcode);
  expect((await postJson(s, submission)).status).toBe(201);
  const stored = await s.storage.replicated.get<{ _id: string; area: string | null }>(
    `request:${String(submission.id)}`,
  );
  return stored?.area;
}

describe('areas through the admin API', () => {
  it('creates an area that intake routes to, and lists it', async () => {
    const { s, cookie } = await asAdmin();
    const res = await adminCall(s.url, cookie, 'POST', '/areas', {
      ...ceredigion,
      postcode_districts: [' sy23', 'SY24', 'sy23'],
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      area: { _id: 'area:ceredigion', postcode_districts: ['SY23', 'SY24'], active: true },
    });
    expect(await routedTo(s, 'SY23 3DY')).toBe('ceredigion');
    const list = await (await adminCall(s.url, cookie, 'GET', '/areas')).json();
    expect(list).toMatchObject({ areas: [{ _id: 'area:ceredigion', name_cy: 'Ceredigion' }] });
    // The public list for the sign-up form shows it too.
    const areas = await (await fetch(`${s.url}/api/areas`)).json();
    expect(areas).toEqual({
      areas: [{ id: 'ceredigion', name_cy: 'Ceredigion', name_en: 'Ceredigion' }],
    });
  });

  it('changes an area: new districts route to it, and an inactive one takes nothing new', async () => {
    const { s, cookie } = await asAdmin();
    await adminCall(s.url, cookie, 'POST', '/areas', ceredigion);
    const moved = { ...ceredigion, name_cy: 'Ceredigion Gyfan', postcode_districts: ['SA48'] };
    expect((await adminCall(s.url, cookie, 'PUT', '/areas/ceredigion', moved)).status).toBe(200);
    expect(await routedTo(s, 'SA48 7AA')).toBe('ceredigion');
    expect(await routedTo(s, 'SY23 3DY')).toBeNull();
    const retired = { ...moved, active: false };
    expect((await adminCall(s.url, cookie, 'PUT', '/areas/ceredigion', retired)).status).toBe(200);
    expect(await routedTo(s, 'SA48 7AA')).toBeNull();
    expect(await (await fetch(`${s.url}/api/areas`)).json()).toEqual({ areas: [] });
    const audit = await auditEntries(s.storage);
    expect(audit.map((e) => e?.action)).toEqual(['area_created', 'area_changed', 'area_changed']);
    expect(audit[0]).toMatchObject({
      target: 'area:ceredigion',
      actor: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it.each([
    [
      'a malformed district',
      { postcode_districts: ['SY2Q3'] },
      { postcode_districts: 'malformed_district', district: 'SY2Q3' },
    ],
    [
      'a district of no postcode area',
      { postcode_districts: ['ZZ1'] },
      { postcode_districts: 'unknown_district', district: 'ZZ1' },
    ],
    ['no Welsh name', { name_cy: '  ' }, { name_cy: 'required' }],
    ['a name of 101 characters', { name_en: 'a'.repeat(101) }, { name_en: 'too_long' }],
    ['an unknown field', { colour: 'red' }, { colour: 'unknown_field' }],
    ['a number for the names', { name_en: 5 }, { name_en: 'invalid' }],
  ])('refuses %s with 400 and stores nothing', async (_what, change, fields) => {
    const { s, cookie } = await asAdmin();
    const res = await adminCall(s.url, cookie, 'POST', '/areas', { ...ceredigion, ...change });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', fields });
    expect(await s.storage.replicated.idsWithPrefix('area:')).toEqual([]);
    expect(await auditEntries(s.storage)).toEqual([]);
  });

  it('refuses a duplicate area and a district another area has, changing nothing', async () => {
    const { s, cookie } = await asAdmin();
    await adminCall(s.url, cookie, 'POST', '/areas', ceredigion);
    const again = await adminCall(s.url, cookie, 'POST', '/areas', {
      ...ceredigion,
      postcode_districts: ['SA48'],
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ fields: { name_en: 'taken', name_cy: 'taken' } });
    const overlap = await adminCall(s.url, cookie, 'POST', '/areas', {
      name_cy: 'Gwynedd',
      name_en: 'Gwynedd',
      postcode_districts: ['LL55', 'SY24'],
      active: true,
    });
    expect(overlap.status).toBe(400);
    expect(await overlap.json()).toMatchObject({
      fields: { postcode_districts: 'district_taken', district: 'SY24' },
    });
    expect(await s.storage.replicated.idsWithPrefix('area:')).toEqual(['area:ceredigion']);
  });

  it('refuses a district missing from an imported postcode table', async () => {
    const { s, cookie } = await asAdmin();
    await s.storage.serverOnly.putIfAbsent({ _id: 'geo-table', type: 'geo_table' });
    await s.storage.serverOnly.putIfAbsent({
      _id: 'geo-district:SY23',
      type: 'geo_district',
      district: 'SY23',
      lat: 52.4,
      lon: -4.08,
      units: {},
    });
    const res = await adminCall(s.url, cookie, 'POST', '/areas', ceredigion);
    expect(await res.json()).toMatchObject({
      fields: { postcode_districts: 'unknown_district', district: 'SY24' },
    });
    const ok = { ...ceredigion, postcode_districts: ['SY23'] };
    expect((await adminCall(s.url, cookie, 'POST', '/areas', ok)).status).toBe(201);
  });

  it('answers 404 for a change to an area that does not exist', async () => {
    const { s, cookie } = await asAdmin();
    expect((await adminCall(s.url, cookie, 'PUT', '/areas/nowhere', ceredigion)).status).toBe(404);
    expect((await adminCall(s.url, cookie, 'PUT', '/areas/Bad%20Id', ceredigion)).status).toBe(404);
  });
});
