/**
 * Accounts through the admin API: made with a role and areas and a one-time code (never a
 * password), changed, disabled (sessions end at the next request) and enabled; the last admin is
 * never disabled or demoted; a taken username or an unknown area changes nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  goodPassword,
  seedUser,
  serverPerTest,
  signIn,
  signedIn,
  whoAmI,
} from '../../support/staff/account-fixtures.ts';
import type { TestServer } from '../../support/server/test-server.ts';
import { adminCall, auditEntries, ceredigion } from './admin-fixtures.ts';

const start = serverPerTest();

async function asAdmin() {
  const s = await start();
  await seedUser(s.storage, { username: 'boss', role: 'admin' });
  const cookie = await signedIn(s.url, 'boss');
  expect((await adminCall(s.url, cookie, 'POST', '/areas', ceredigion)).status).toBe(201);
  return { s, cookie };
}

const reset = (s: TestServer, body: unknown) =>
  fetch(`${s.url}/api/password-reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const newCoordinator = {
  username: 'catrin',
  display_name: 'Catrin Pritchard',
  role: 'coordinator',
  areas: ['ceredigion'],
};

describe('accounts through the admin API', () => {
  it('makes an account that signs in only once its owner chose a password with the code', async () => {
    const { s, cookie } = await asAdmin();
    const res = await adminCall(s.url, cookie, 'POST', '/accounts', newCoordinator);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { account: unknown; reset: { code: string } };
    expect(body.account).toMatchObject({
      username: 'catrin',
      role: 'coordinator',
      disabled: false,
    });
    expect(body.reset.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(JSON.stringify(body)).not.toContain('password');

    // Wrong code: refused, and the code still works after; typed in lower case with dashes, too.
    const wrong = await reset(s, {
      username: 'catrin',
      code: '0000-0000-0000',
      password: goodPassword,
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ fields: { code: 'invalid_code' } });
    const weak = await reset(s, {
      username: 'catrin',
      code: body.reset.code,
      password: 'password123',
    });
    expect(await weak.json()).toMatchObject({ fields: { password: 'guessable' } });
    const typed = body.reset.code.toLowerCase().match(/.{4}/g)!.join('-');
    expect(
      (await reset(s, { username: 'Catrin ', code: typed, password: goodPassword })).status,
    ).toBe(204);
    expect((await signIn(s.url, { username: 'catrin', password: goodPassword })).status).toBe(200);
    // Used once: gone.
    const again = await reset(s, {
      username: 'catrin',
      code: body.reset.code,
      password: `${goodPassword}!`,
    });
    expect(again.status).toBe(400);
  });

  it('voids a code after five wrong tries', async () => {
    const { s, cookie } = await asAdmin();
    const made = (await (
      await adminCall(s.url, cookie, 'POST', '/accounts', newCoordinator)
    ).json()) as {
      reset: { code: string };
    };
    for (let i = 0; i < 5; i++) {
      await reset(s, { username: 'catrin', code: 'ZZZZZZZZZZZZ', password: goodPassword });
    }
    const late = await reset(s, {
      username: 'catrin',
      code: made.reset.code,
      password: goodPassword,
    });
    expect(late.status).toBe(400);
  });

  it('refuses a taken username, an unknown area and a bad role, making nothing', async () => {
    const { s, cookie } = await asAdmin();
    const cases: [unknown, Record<string, string>][] = [
      [{ ...newCoordinator, username: 'boss' }, { username: 'taken' }],
      [{ ...newCoordinator, areas: ['atlantis'] }, { areas: 'unknown_area' }],
      [{ ...newCoordinator, role: 'superuser' }, { role: 'invalid' }],
      [{ ...newCoordinator, username: 'No Spaces' }, { username: 'invalid' }],
      [{ ...newCoordinator, display_name: '' }, { display_name: 'required' }],
    ];
    for (const [body, fields] of cases) {
      const res = await adminCall(s.url, cookie, 'POST', '/accounts', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', fields });
    }
    expect(await s.storage.serverOnly.idsWithPrefix('user:')).toEqual(['user:boss']);
  });

  it('disables a volunteer, whose session ends at its next request, and enables them again', async () => {
    const { s, cookie } = await asAdmin();
    await seedUser(s.storage, { username: 'aled', role: 'volunteer', areas: ['ceredigion'] });
    const aled = await signedIn(s.url, 'aled');
    const off = await adminCall(s.url, cookie, 'PATCH', '/accounts/aled', { disabled: true });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ account: { username: 'aled', disabled: true } });
    // The next request is refused as disabled, which the device answers by wiping itself.
    const next = await fetch(`${s.url}/db/_changes`, { headers: { Cookie: aled } });
    expect(next.status).toBe(403);
    expect(await next.json()).toMatchObject({ error: 'account_disabled' });
    expect((await signIn(s.url, { username: 'aled', password: goodPassword })).status).toBe(403);
    await adminCall(s.url, cookie, 'PATCH', '/accounts/aled', { disabled: false });
    // The old session stays ended; signing in again works.
    expect((await whoAmI(s.url, aled)).status).toBe(401);
    expect((await signIn(s.url, { username: 'aled', password: goodPassword })).status).toBe(200);
    const actions = (await auditEntries(s.storage)).map((e) => e?.action);
    expect(actions).toEqual(['area_created', 'account_disabled', 'account_enabled']);
  });

  it('changes role and areas, taking effect at the next request', async () => {
    const { s, cookie } = await asAdmin();
    await seedUser(s.storage, { username: 'cari', role: 'coordinator', areas: [] });
    const cari = await signedIn(s.url, 'cari');
    const res = await adminCall(s.url, cookie, 'PATCH', '/accounts/cari', {
      areas: ['ceredigion'],
    });
    expect(res.status).toBe(200);
    expect(await (await whoAmI(s.url, cari)).json()).toMatchObject({ areas: ['ceredigion'] });
    await adminCall(s.url, cookie, 'PATCH', '/accounts/cari', { role: 'volunteer' });
    expect(await (await whoAmI(s.url, cari)).json()).toMatchObject({ role: 'volunteer' });
    const unknown = await adminCall(s.url, cookie, 'PATCH', '/accounts/cari', {
      areas: ['atlantis'],
    });
    expect(await unknown.json()).toMatchObject({ fields: { areas: 'unknown_area' } });
    expect(
      (await adminCall(s.url, cookie, 'PATCH', '/accounts/nobody', { role: 'admin' })).status,
    ).toBe(404);
    const entry = (await auditEntries(s.storage)).at(-1);
    // Ids and field names only: no username, name or area in the entry.
    expect(entry).toMatchObject({ action: 'account_changed', fields: ['role'] });
    expect(JSON.stringify(entry)).not.toMatch(/cari|boss/);
  });

  it('never disables or demotes the last admin', async () => {
    const { s, cookie } = await asAdmin();
    for (const change of [{ disabled: true }, { role: 'coordinator' }]) {
      const res = await adminCall(s.url, cookie, 'PATCH', '/accounts/boss', change);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ fields: { account: 'last_admin' } });
    }
    expect((await whoAmI(s.url, cookie)).status).toBe(200);
    // With a second admin, either may step down.
    await seedUser(s.storage, { username: 'ail', role: 'admin' });
    expect(
      (await adminCall(s.url, cookie, 'PATCH', '/accounts/boss', { role: 'coordinator' })).status,
    ).toBe(200);
  });

  it('issues a new code for a forgotten password, which ends every session when used', async () => {
    const { s, cookie } = await asAdmin();
    await seedUser(s.storage, { username: 'aled', role: 'volunteer' });
    const aled = await signedIn(s.url, 'aled');
    const res = await adminCall(s.url, cookie, 'POST', '/accounts/aled/reset-code');
    expect(res.status).toBe(201);
    const { reset: issued } = (await res.json()) as { reset: { code: string } };
    // Issuing alone signs nobody out.
    expect((await whoAmI(s.url, aled)).status).toBe(200);
    const password = 'Cwm Rhondda ar y bryn';
    expect((await reset(s, { username: 'aled', code: issued.code, password })).status).toBe(204);
    expect((await whoAmI(s.url, aled)).status).toBe(401);
    expect((await signIn(s.url, { username: 'aled', password })).status).toBe(200);
    expect((await adminCall(s.url, cookie, 'POST', '/accounts/nobody/reset-code')).status).toBe(
      404,
    );
  });
});

describe('retention settings through the admin API', () => {
  it('starts at the defaults, keeps what is saved, and refuses zero or ten years', async () => {
    const { s, cookie } = await asAdmin();
    const read = async () => (await adminCall(s.url, cookie, 'GET', '/settings/retention')).json();
    expect(await read()).toEqual({
      retention: { finished_task_days: 14, personal_data_days_after_close: 90 },
    });
    const good = { finished_task_days: 7, personal_data_days_after_close: 365 };
    expect((await adminCall(s.url, cookie, 'PUT', '/settings/retention', good)).status).toBe(200);
    for (const [body, fields] of [
      [{ ...good, finished_task_days: 0 }, { finished_task_days: 'too_short' }],
      [
        { ...good, personal_data_days_after_close: 3650 },
        { personal_data_days_after_close: 'too_long' },
      ],
      [{ ...good, finished_task_days: 1.5 }, { finished_task_days: 'not_whole' }],
      [{ finished_task_days: 7 }, { personal_data_days_after_close: 'required' }],
    ] as const) {
      const res = await adminCall(s.url, cookie, 'PUT', '/settings/retention', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ fields });
    }
    expect(await read()).toEqual({ retention: good });
    expect((await auditEntries(s.storage)).at(-1)).toMatchObject({
      action: 'settings_changed',
      target: 'settings:retention',
    });
  });
});
