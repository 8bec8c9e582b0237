/**
 * `GET /api/staff-names` on the real server: each member of staff is given the names the domain
 * rule allows them (mayKnowStaffName), by the id documents use, and nothing else of an account;
 * no session, no names. On both storages.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedUser, signedIn, startAccountServer } from '../../support/staff/account-fixtures.ts';
import { profile } from '../../support/factories.ts';
import { seed } from '../../support/staff/replication-fixtures.ts';
import { forEachStorage } from '../../support/server/storages.ts';
import type { TestServer } from '../../support/server/test-server.ts';
import { staffUserId } from '../../../sync-server/accounts/staff-user-id.ts';

const people = [
  { username: 'admin', role: 'admin', areas: [], displayName: 'Gweinyddwr' },
  {
    username: 'cydlynydd-ceredigion',
    role: 'coordinator',
    areas: ['ceredigion'],
    displayName: 'Nia Ceredigion',
  },
  { username: 'cydlynydd-powys', role: 'coordinator', areas: ['powys'], displayName: 'Rhys Powys' },
  {
    username: 'gwirfoddolwr',
    role: 'volunteer',
    areas: ['ceredigion'],
    displayName: 'Elin Gwirfoddolwr',
  },
  {
    username: 'newydd',
    role: 'volunteer',
    areas: ['ceredigion'],
    displayName: 'Heb ei gymeradwyo',
  },
] as const;

forEachStorage('GET /api/staff-names', (storage) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startAccountServer({ storage });
    for (const p of people) {
      await seedUser(server.storage, { ...p, areas: [...p.areas] });
    }
    // A volunteer works where their approved profile says; a pending one nowhere yet.
    await seed(server, [
      profile(staffUserId('gwirfoddolwr'), ['ceredigion']),
      profile(staffUserId('newydd'), ['ceredigion'], 'pending'),
    ]);
  });
  afterAll(() => server.close());

  async function namesFor(username: string) {
    const cookie = await signedIn(server.url, username);
    const res = await fetch(`${server.url}/api/staff-names`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    const body = (await res.json()) as { names: { id: string; name: string; role: string }[] };
    for (const entry of body.names)
      expect(Object.keys(entry).sort()).toEqual(['id', 'name', 'role']);
    return Object.fromEntries(body.names.map((n) => [n.id, n.name]));
  }

  const id = (username: string) => staffUserId(username);

  it('gives a volunteer the coordinators of their areas and the admins', async () => {
    expect(await namesFor('gwirfoddolwr')).toEqual({
      [id('admin')]: 'Gweinyddwr',
      [id('cydlynydd-ceredigion')]: 'Nia Ceredigion',
    });
  });

  it('gives a volunteer not yet approved only the admins', async () => {
    expect(await namesFor('newydd')).toEqual({ [id('admin')]: 'Gweinyddwr' });
  });

  it('gives a coordinator those sharing an area and the admins, never volunteers', async () => {
    expect(await namesFor('cydlynydd-powys')).toEqual({
      [id('admin')]: 'Gweinyddwr',
      [id('cydlynydd-powys')]: 'Rhys Powys',
    });
  });

  it('gives an admin every coordinator and admin', async () => {
    expect(Object.keys(await namesFor('admin')).sort()).toEqual(
      [id('admin'), id('cydlynydd-ceredigion'), id('cydlynydd-powys')].sort(),
    );
  });

  it('answers 401 without a session, and 405 to anything but GET', async () => {
    const anonymous = await fetch(`${server.url}/api/staff-names`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: expect.any(String) });
    const cookie = await signedIn(server.url, 'gwirfoddolwr');
    const post = await fetch(`${server.url}/api/staff-names`, {
      method: 'POST',
      headers: { Cookie: cookie },
    });
    expect(post.status).toBe(405);
  });
});
