/**
 * Rejecting a sign-up and changing a volunteer's areas over real PouchDB replication: the server
 * judges each write with the same profile policy the coordinator's screens use, so a coordinator's
 * rejection goes up, a rejected volunteer cannot undo it on their own device, nobody rejects an
 * approved volunteer, and no coordinator moves a volunteer into an area they do not cover.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import {
  rejectVolunteer,
  withAreas,
  withSkills,
  type VolunteerDoc,
} from '#domain/people/volunteer-doc.ts';
import { approveVolunteer } from '#domain/people/volunteer-sign-up.ts';
import { area } from '../../../support/factories.ts';
import { deviceDb, remoteDb, seed, stored } from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { signedIn, startAccountServer, whoAmI } from '../../../support/staff/account-fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const password = 'Mae hen wlad fy nhadau';

async function start() {
  server = await startAccountServer();
  const world = await seedWorld(server);
  await seed(server, [{ ...area('gwynedd'), name_cy: 'Gwynedd', name_en: 'Gwynedd' }]);
  const res = await fetch(`${server.url}/api/volunteers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username: 'nia',
      password,
      name: 'Nia Jones',
      phone: '07700 900 982',
      areas: ['ceredigion'],
      skills: ['dbs_checked'],
      availability: { days: ['mon'], parts_of_day: ['morning'], note: '' },
    }),
  });
  expect(res.status).toBe(201);
  const nia = await signedIn(server.url, 'nia', password);
  const { user_id } = (await (await whoAmI(server.url, nia)).json()) as { user_id: string };
  return { s: server, world, nia, profileId: volunteerDocId(user_id) };
}

async function push(device: PouchDB.Database, s: TestServer, cookie: string) {
  const denied: unknown[] = [];
  const replication = device.replicate.to(remoteDb(s, cookie));
  void replication.on('denied', (error) => denied.push(error));
  await replication;
  return denied;
}

async function deviceOf(s: TestServer, cookie: string) {
  const device = deviceDb();
  await device.replicate.from(remoteDb(s, cookie));
  return device;
}

const now = () => new Date().toISOString();

describe('rejecting a sign-up over replication', () => {
  it('goes up from the coordinator, keeps the profile, and the volunteer cannot undo it', async () => {
    const { s, world, nia, profileId } = await start();
    const cath = await deviceOf(s, world.cath.cookie);
    const pending = await cath.get<VolunteerDoc>(profileId);
    await cath.put(rejectVolunteer(pending, now()));
    expect(await push(cath, s, world.cath.cookie)).toEqual([]);
    expect(await stored(s, profileId)).toMatchObject({
      approval: 'rejected',
      name: 'Nia Jones',
      skills: ['dbs_checked'],
    });

    const niaDevice = await deviceOf(s, nia);
    const own = await niaDevice.get<VolunteerDoc>(profileId);
    expect(own.approval).toBe('rejected');
    await niaDevice.put({ ...own, approval: 'pending', updated_at: now() });
    expect(await push(niaDevice, s, nia)).toEqual([
      expect.objectContaining({ id: profileId, error: 'forbidden', reason: 'read_only_field' }),
    ]);
    expect(await stored(s, profileId)).toMatchObject({ approval: 'rejected' });

    // A coordinator may still change their mind.
    const again = await deviceOf(s, world.cath.cookie);
    await again.put(approveVolunteer(await again.get<VolunteerDoc>(profileId), now(), false));
    expect(await push(again, s, world.cath.cookie)).toEqual([]);
    expect(await stored(s, profileId)).toMatchObject({ approval: 'approved', skills: [] });
  });

  it('is refused once the volunteer is approved, and from a coordinator of another area', async () => {
    const { s, world, profileId } = await start();
    const cath = await deviceOf(s, world.cath.cookie);
    const pending = await cath.get<VolunteerDoc>(profileId);
    await cath.put(approveVolunteer(pending, now(), true));
    expect(await push(cath, s, world.cath.cookie)).toEqual([]);

    const stale = await deviceOf(s, world.cath.cookie);
    await stale.put(rejectVolunteer(await stale.get<VolunteerDoc>(profileId), now()));
    expect(await push(stale, s, world.cath.cookie)).toEqual([
      expect.objectContaining({ id: profileId, error: 'forbidden', reason: 'invalid_transition' }),
    ]);

    // Gwen (Gwynedd) never receives the profile; a rejection made from a copy of it is refused.
    const gwen = deviceDb();
    await gwen.bulkDocs([pending], { new_edits: false } as PouchDB.Core.BulkDocsOptions);
    await gwen.put(rejectVolunteer(pending, now()));
    expect(await push(gwen, s, world.gwen.cookie)).toEqual([
      expect.objectContaining({ id: profileId, reason: 'outside_your_areas' }),
    ]);
    expect(await stored(s, profileId)).toMatchObject({ approval: 'approved' });
  });

  it('lets a coordinator change areas only within their own', async () => {
    const { s, world, profileId } = await start();
    const cath = await deviceOf(s, world.cath.cookie);
    const pending = await cath.get<VolunteerDoc>(profileId);
    // Built by hand: `withAreas` itself would not offer an area Cath does not cover.
    await cath.put({ ...pending, areas: ['ceredigion', 'gwynedd'], updated_at: now() });
    expect(await push(cath, s, world.cath.cookie)).toEqual([
      expect.objectContaining({ id: profileId, reason: 'outside_your_areas' }),
    ]);
    expect(withAreas(pending, ['ceredigion'], ['gwynedd'], now())).toMatchObject({ ok: false });
    expect(await stored(s, profileId)).toMatchObject({ areas: ['ceredigion'] });
  });
});

describe('two offline edits of one volunteer', () => {
  it('are both kept: the server merges a profile field by field', async () => {
    const { s, world, profileId } = await start();
    const phone = await deviceOf(s, world.cath.cookie);
    const laptop = await deviceOf(s, world.cath.cookie);
    // Offline on both: one approves (seeing the DBS certificate), the other adds a skill.
    const onPhone = await phone.get<VolunteerDoc>(profileId);
    await phone.put(approveVolunteer(onPhone, now(), true));
    const onLaptop = await laptop.get<VolunteerDoc>(profileId);
    await laptop.put(withSkills(onLaptop, ['driver'], now()));

    expect(await push(phone, s, world.cath.cookie)).toEqual([]);
    expect(await push(laptop, s, world.cath.cookie)).toEqual([]);
    const merged = await s.storage.replicatedDb.get<VolunteerDoc>(profileId, { conflicts: true });
    expect(merged._conflicts ?? []).toEqual([]);
    expect(merged.approval).toBe('approved');
    expect([...merged.skills].sort()).toEqual(['dbs_checked', 'driver']);
  });
});
