/**
 * The audit log as admins read it (`GET /api/admin/audit`): what was done, newest first, by ids
 * alone, narrowed by period and action; coordinators are refused, and a bad period or an unknown
 * action is a 400 that reads nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ApiError } from '#domain/api-errors.ts';
import { seedUser, serverPerTest, signedIn } from '../../support/staff/account-fixtures.ts';
import { adminCall, auditEntries, ceredigion } from './admin-fixtures.ts';

const start = serverPerTest();

type Listed = {
  entries: { at: string; actor: string; action: string; target: string; fields: string[] }[];
  more: boolean;
};

describe('the audit log for admins', () => {
  it('lists what admins did, newest first, and narrows by action and period', async () => {
    const s = await start();
    await seedUser(s.storage, { username: 'boss', role: 'admin' });
    const cookie = await signedIn(s.url, 'boss');
    expect((await adminCall(s.url, cookie, 'POST', '/areas', ceredigion)).status).toBe(201);
    const changed = { ...ceredigion, postcode_districts: ['SY23'] };
    expect((await adminCall(s.url, cookie, 'PUT', '/areas/ceredigion', changed)).status).toBe(200);
    // The day on the server's clock (a test server's runs in 2030: test-server.ts `worldClock`).
    const today = String((await auditEntries(s.storage))[0]?.at).slice(0, 10);

    const all = await adminCall(s.url, cookie, 'GET', `/audit?from=${today}&to=${today}`);
    expect(all.status).toBe(200);
    const listed = (await all.json()) as Listed;
    expect(listed.entries.map((e) => e.action)).toEqual(['area_changed', 'area_created']);
    expect(listed.entries[0]).toMatchObject({ target: 'area:ceredigion' });
    expect(JSON.stringify(listed)).not.toContain('boss');
    expect(listed.more).toBe(false);

    const created = await adminCall(
      s.url,
      cookie,
      'GET',
      `/audit?from=${today}&to=${today}&action=area_created`,
    );
    expect(((await created.json()) as Listed).entries.map((e) => e.action)).toEqual([
      'area_created',
    ]);
    const before = await adminCall(s.url, cookie, 'GET', '/audit?from=2020-01-01&to=2020-01-31');
    expect(((await before.json()) as Listed).entries).toEqual([]);
  });

  it('refuses a coordinator, a bad period and an unknown action', async () => {
    const s = await start();
    await seedUser(s.storage, { username: 'boss', role: 'admin' });
    await seedUser(s.storage, { username: 'cath', role: 'coordinator', areas: ['ceredigion'] });
    const admin = await signedIn(s.url, 'boss');
    const coordinator = await signedIn(s.url, 'cath');
    const refused = await adminCall(
      s.url,
      coordinator,
      'GET',
      '/audit?from=2026-01-01&to=2026-01-02',
    );
    expect(refused.status).toBe(403);
    for (const [query, field] of [
      ['from=2026-01-02&to=2026-01-01', 'period'],
      ['from=2024-01-01&to=2026-01-01', 'period'],
      ['from=2026-01-01&to=2026-01-02&action=erase_everything', 'action'],
    ] as const) {
      const res = await adminCall(s.url, admin, 'GET', `/audit?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ApiError).fields).toHaveProperty(field);
    }
  });
});
