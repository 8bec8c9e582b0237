/**
 * Only an enabled admin reaches `/api/admin`: each test tries to break the rule from another side
 * (no session, a coordinator, a volunteer, an admin disabled after signing in) and checks that
 * nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { seedUser, serverPerTest, signedIn } from '../../support/staff/account-fixtures.ts';
import { setDisabled } from '../../../sync-server/accounts/account-store.ts';
import { adminCall, auditEntries, ceredigion } from './admin-fixtures.ts';

const start = serverPerTest();

const calls: [string, string, unknown?][] = [
  ['GET', '/areas'],
  ['POST', '/areas', ceredigion],
  ['GET', '/accounts'],
  ['POST', '/accounts', { username: 'newbie', display_name: 'N', role: 'admin', areas: [] }],
  ['PATCH', '/accounts/boss', { disabled: true }],
  ['POST', '/accounts/boss/reset-code'],
  ['GET', '/settings/retention'],
  ['PUT', '/settings/retention', { finished_task_days: 3, personal_data_days_after_close: 30 }],
];

describe('the admin API', () => {
  it.each(['coordinator', 'volunteer'] as const)(
    'answers a %s 403 and changes nothing',
    async (role) => {
      const s = await start();
      await seedUser(s.storage, { username: 'boss', role: 'admin' });
      await seedUser(s.storage, { username: 'someone', role, areas: ['ceredigion'] });
      const cookie = await signedIn(s.url, 'someone');
      for (const [method, path, body] of calls) {
        const res = await adminCall(s.url, cookie, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(await res.json()).toMatchObject({ error: 'forbidden' });
      }
      expect(await s.storage.replicated.idsWithPrefix('area:')).toEqual([]);
      expect(await s.storage.serverOnly.idsWithPrefix('user:newbie')).toEqual([]);
      expect(await auditEntries(s.storage)).toEqual([]);
    },
  );

  it('answers 401 without a session', async () => {
    const s = await start();
    for (const [method, path, body] of calls) {
      expect((await adminCall(s.url, undefined, method, path, body)).status).toBe(401);
    }
  });

  it('refuses an admin disabled after signing in, at their next request', async () => {
    const s = await start();
    await seedUser(s.storage, { username: 'boss', role: 'admin' });
    await seedUser(s.storage, { username: 'other', role: 'admin' });
    const cookie = await signedIn(s.url, 'boss');
    expect((await adminCall(s.url, cookie, 'GET', '/areas')).status).toBe(200);
    const ctx = {
      store: s.storage.serverOnly,
      now: () => new Date(),
      scrypt: { N: 1024, r: 8, p: 1 },
    };
    expect((await setDisabled(ctx, 'boss', true)).ok).toBe(true);
    const res = await adminCall(s.url, cookie, 'POST', '/areas', ceredigion);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'account_disabled' });
    expect(await s.storage.replicated.idsWithPrefix('area:')).toEqual([]);
  });

  it('lets a coordinator promoted to admin in at their next request, and a demoted admin not', async () => {
    const s = await start();
    await seedUser(s.storage, { username: 'boss', role: 'admin' });
    await seedUser(s.storage, { username: 'cari', role: 'coordinator' });
    const boss = await signedIn(s.url, 'boss');
    const cari = await signedIn(s.url, 'cari');
    expect((await adminCall(s.url, cari, 'GET', '/areas')).status).toBe(403);
    expect(
      (await adminCall(s.url, boss, 'PATCH', '/accounts/cari', { role: 'admin' })).status,
    ).toBe(200);
    expect((await adminCall(s.url, cari, 'GET', '/areas')).status).toBe(200);
    expect(
      (await adminCall(s.url, cari, 'PATCH', '/accounts/boss', { role: 'coordinator' })).status,
    ).toBe(200);
    expect((await adminCall(s.url, boss, 'GET', '/areas')).status).toBe(403);
  });
});
