/**
 * `GET /api/staff-names` on the real server, on both storages: each member of staff is given the
 * names the domain rule allows them (mayKnowStaffName): the coordinators of their areas, and those
 * who acted on a document they may read, judged on the same routing index as `/db`; never a
 * volunteer's name to another volunteer, never a name from a document they may not read, and
 * nothing of an account but its id and name. No session, no names.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assign, claim, setRegister } from '#domain/requests/edits.ts';
import { seedUser, signedIn, startAccountServer } from '../../support/staff/account-fixtures.ts';
import { at, note, profile, request } from '../../support/factories.ts';
import { seed } from '../../support/staff/replication-fixtures.ts';
import { forEachStorage } from '../../support/server/storages.ts';
import type { TestServer } from '../../support/server/test-server.ts';
import { staffUserId } from '../../../sync-server/accounts/staff-user-id.ts';

const people = {
  admin: { role: 'admin', areas: [], displayName: 'Gweinyddwr' },
  nia: { role: 'coordinator', areas: ['ceredigion'], displayName: 'Nia Ceredigion' },
  rhys: { role: 'coordinator', areas: ['powys'], displayName: 'Rhys Powys' },
  sian: { role: 'coordinator', areas: ['caerdydd'], displayName: 'Siân Caerdydd' },
  elin: { role: 'volunteer', areas: ['ceredigion'], displayName: 'Elin Gwirfoddolwr' },
  gwen: { role: 'volunteer', areas: ['ceredigion'], displayName: 'Gwen Gwirfoddolwr' },
  newydd: { role: 'volunteer', areas: ['ceredigion'], displayName: 'Heb ei gymeradwyo' },
} as const;
type Person = keyof typeof people;
const id = (p: Person) => staffUserId(p);

/** `p`'s display name by their id, for each of `ps`: what a device should be given. */
const named = (...ps: Person[]) =>
  Object.fromEntries(ps.map((p) => [id(p), people[p].displayName]));

forEachStorage('GET /api/staff-names', (storage) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startAccountServer({ storage });
    for (const [p, account] of Object.entries(people)) {
      await seedUser(server.storage, {
        username: p,
        role: account.role,
        areas: [...account.areas],
        displayName: account.displayName,
      });
    }
    // Elin's task in Ceredigion: Gwen claimed it first, then the admin gave it to Elin; Rhys, from
    // Powys, left her a note on it. In Powys, Siân (of Caerdydd) noted something Elin cannot read.
    const claimed = claim(request({ status: 'triaged' }), id('gwen'), at(3));
    const task = setRegister(
      assign(claimed, id('elin'), id('admin'), at(5)),
      'status',
      'assigned',
      id('admin'),
      at(5),
    );
    const powys = request({ area: 'powys' });
    await seed(server, [
      profile(id('elin'), ['ceredigion']),
      profile(id('gwen'), ['ceredigion']),
      profile(id('newydd'), ['ceredigion'], 'pending'),
      task,
      note(task, id('rhys'), true),
      note(powys, id('sian'), false),
      powys,
    ]);
  });
  afterAll(() => server.close());

  async function namesFor(p: Person) {
    const cookie = await signedIn(server.url, p);
    const res = await fetch(`${server.url}/api/staff-names`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    const body = (await res.json()) as { names: Record<string, unknown>[] };
    // A name and the id it goes by: no username, role, area or anything else of the account.
    for (const entry of body.names) expect(Object.keys(entry).sort()).toEqual(['id', 'name']);
    return Object.fromEntries(body.names.map((n) => [n.id, n.name]));
  }

  it('gives a volunteer their areas’ coordinators and the staff who acted on their task', async () => {
    // Not Gwen, though she claimed the task once: a volunteer never learns another's name.
    // Not Siân: her note is on a request Elin may not read.
    expect(await namesFor('elin')).toEqual(named('elin', 'nia', 'admin', 'rhys'));
  });

  it('gives a volunteer not yet approved only their own name', async () => {
    expect(await namesFor('newydd')).toEqual(named('newydd'));
  });

  it('gives a coordinator those sharing an area and whoever acted in it, volunteers included', async () => {
    expect(await namesFor('nia')).toEqual(named('nia', 'admin', 'rhys', 'gwen'));
    expect(await namesFor('rhys')).toEqual(named('rhys', 'sian'));
  });

  it('gives an admin every coordinator and admin, and the volunteers who acted', async () => {
    expect(await namesFor('admin')).toEqual(named('admin', 'nia', 'rhys', 'sian', 'gwen'));
  });

  it('answers 401 without a session, and 405 to anything but GET', async () => {
    const anonymous = await fetch(`${server.url}/api/staff-names`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: expect.any(String) });
    const cookie = await signedIn(server.url, 'elin');
    const post = await fetch(`${server.url}/api/staff-names`, {
      method: 'POST',
      headers: { Cookie: cookie },
    });
    expect(post.status).toBe(405);
    expect(await post.json()).toMatchObject({ error: expect.any(String) });
  });
});
