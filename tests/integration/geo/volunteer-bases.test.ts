/**
 * A volunteer's base is placed by the server, as a request is (docs/architecture.md, "Places"):
 * signing up with a base, or a volunteer or their coordinator changing it through `/db`, leaves a
 * marker, and the worker writes the centre of the base's district onto the profile, asking the
 * postcodes.io stand-in for the district only. A base moved is placed again, a base removed loses
 * its point, a district the service does not know leaves none, and while the service is down the
 * sign-up still answers at once. No device may write the point: a moved, added or forged one is
 * refused and nothing is stored, while an edit made before the point arrived keeps both.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { PostcodesIo } from '../../../sync-server/geo/postcodes-io.ts';
import { startGeocoding } from '../../../sync-server/geo/geocode-worker.ts';
import { pendingId, type PendingDoc } from '../../../sync-server/geo/pending.ts';
import { staffUserId } from '../../../sync-server/accounts/staff-user-id.ts';
import { eventually } from '../../support/eventually.ts';
import { profile } from '../../support/factories.ts';
import { startFakePostcodesIo, type FakePostcodesIo } from '../../support/geo/fake-postcodes-io.ts';
import { worldClock, type TestServer } from '../../support/server/test-server.ts';
import { startAccountServer } from '../../support/staff/account-fixtures.ts';
import {
  dbFetch,
  deviceDb,
  remoteDb,
  seed,
  staff,
  stored,
} from '../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../support/world/seeded-world.ts';
import { quickGeocoding } from './geo-fixtures.ts';

const aberystwyth = { lat: 52.41534, lon: -4.08288 };
const caernarfon = { lat: 53.13971, lon: -4.27501 };

let service: FakePostcodesIo;
let server: TestServer;
let world: Awaited<ReturnType<typeof seedWorld>>;
const now = worldClock();

beforeEach(async () => {
  // Units too, so a test would see it if the whole postcode were ever asked for.
  service = await startFakePostcodesIo(
    { 'SY23 1AA': { lat: 52.41, lon: -4.08 } },
    { SY23: aberystwyth, LL55: caernarfon },
  );
  server = await startAccountServer({
    geocoding: quickGeocoding(new PostcodesIo(service.url)),
  });
  world = await seedWorld(server);
});
afterEach(async () => {
  await server.close();
  await service.close();
});

const storedProfile = async (id: string) => (await stored(server, id)) as VolunteerDoc;
const markerOf = (id: string) => server.storage.serverOnly.get<PendingDoc>(pendingId(id));

/** The profile once the worker is done with it and its point is for `district` (none: null). */
function placedAt(id: string, district: string | null) {
  return eventually(
    async () => {
      const p = await storedProfile(id);
      const settled = (await markerOf(id)) === null;
      return settled && (p.base_centroid?.district ?? null) === district ? p : null;
    },
    { what: `${id} placed in ${district ?? 'nowhere'}`, timeout: 8_000 },
  );
}

function signUp(base: string, username = 'nia') {
  return fetch(`${server.url}/api/volunteers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username,
      password: 'Mae hen wlad fy nhadau',
      name: 'Nia Jones',
      phone: '07700 900 982',
      areas: ['ceredigion'],
      skills: ['driver'],
      availability: { days: ['mon'], parts_of_day: ['morning'], note: '' },
      base_postcode: base,
    }),
  });
}

/** Pushes what `device` holds with the user's cookie; gives the reasons of what was refused. */
async function push(device: PouchDB.Database, cookie: string) {
  const denied: string[] = [];
  const replication = device.replicate.to(remoteDb(server, cookie));
  void replication.on('denied', (e) => denied.push((e as { reason?: string }).reason ?? '?'));
  await replication;
  return denied;
}

/** `cookie`'s device, synced, and `id`'s profile on it. */
async function onDevice(cookie: string, id: string) {
  const device = deviceDb();
  await device.replicate.from(remoteDb(server, cookie));
  return { device, held: await device.get<VolunteerDoc>(id) };
}

const edited = (doc: VolunteerDoc, change: Partial<VolunteerDoc>): VolunteerDoc => ({
  ...doc,
  ...change,
  updated_at: now().toISOString(),
});

describe('a base given at sign-up', () => {
  it('is placed at its district’s centre, asking for the district only', async () => {
    expect((await signUp('sy23 1aa')).status).toBe(201);
    const id = volunteerDocId(staffUserId('nia'));
    const placed = await placedAt(id, 'SY23');
    expect(placed.base_postcode).toBe('SY23 1AA');
    expect(placed.base_centroid).toMatchObject(aberystwyth);
    expect(service.asked).toContain('/outcodes/SY23');
    expect(service.asked.filter((path) => path.startsWith('/postcodes/'))).toEqual([]);
  });

  it('falls back to the district for a postcode the service does not know', async () => {
    expect((await signUp('SY23 9ZZ')).status).toBe(201);
    const placed = await placedAt(volunteerDocId(staffUserId('nia')), 'SY23');
    expect(placed.base_centroid).toMatchObject(aberystwyth);
  });

  it('gets no point in a district the service does not know, and is not tried for ever', async () => {
    expect((await signUp('ZZ9')).status).toBe(201);
    const id = volunteerDocId(staffUserId('nia'));
    await eventually(() => service.asked.includes('/outcodes/ZZ9'), { what: 'the look-up' });
    const placed = await placedAt(id, null);
    expect(placed.base_centroid).toBeUndefined();
  });

  it('is stored at once while the service is down, and placed once it is back', async () => {
    await service.down();
    const started = Date.now();
    expect((await signUp('LL55')).status).toBe(201);
    expect(Date.now() - started).toBeLessThan(2_000);
    const id = volunteerDocId(staffUserId('nia'));
    await eventually(async () => ((await markerOf(id))?.attempts ?? 0) >= 2, {
      what: 'two failed tries',
    });
    expect((await storedProfile(id)).base_centroid).toBeUndefined();
    await service.up();
    expect((await placedAt(id, 'LL55')).base_centroid).toMatchObject(caernarfon);
  });
});

describe('a base changed through /db', () => {
  it('is placed, placed again when moved, and loses its point when removed', async () => {
    const veraId = volunteerDocId(world.vera.user.id);
    // Vera gives her base on her phone.
    const vera = await onDevice(world.vera.cookie, veraId);
    await vera.device.put(edited(vera.held, { base_postcode: 'SY23 1AA' }));
    expect(await push(vera.device, world.vera.cookie)).toEqual([]);
    expect((await placedAt(veraId, 'SY23')).base_centroid).toMatchObject(aberystwyth);

    // Cath, her coordinator, corrects it to Caernarfon on her laptop.
    const cath = await onDevice(world.cath.cookie, veraId);
    await cath.device.put(edited(cath.held, { base_postcode: 'LL55' }));
    expect(await push(cath.device, world.cath.cookie)).toEqual([]);
    expect((await placedAt(veraId, 'LL55')).base_centroid).toMatchObject(caernarfon);

    // Vera takes it off her profile: the point goes with it.
    const again = await onDevice(world.vera.cookie, veraId);
    const removed: VolunteerDoc = edited(again.held, {});
    delete removed.base_postcode;
    await again.device.put(removed);
    expect(await push(again.device, world.vera.cookie)).toEqual([]);
    const gone = await placedAt(veraId, null);
    expect(gone.base_postcode).toBeUndefined();
  });

  it('keeps the device’s edit and the server’s point when the edit was made before it', async () => {
    const veraId = volunteerDocId(world.vera.user.id);
    const vera = await onDevice(world.vera.cookie, veraId);
    await vera.device.put(edited(vera.held, { base_postcode: 'SY23' }));
    expect(await push(vera.device, world.vera.cookie)).toEqual([]);
    await placedAt(veraId, 'SY23');
    // Offline since, her phone still holds the revision without the point.
    const held = await vera.device.get<VolunteerDoc>(veraId);
    expect(held.base_centroid).toBeUndefined();
    await vera.device.put(edited(held, { phone: '01970612345' }));
    expect(await push(vera.device, world.vera.cookie)).toEqual([]);
    const merged = await storedProfile(veraId);
    expect(merged.phone).toBe('01970612345');
    expect(merged.base_centroid).toMatchObject({ ...aberystwyth, district: 'SY23' });
  });
});

describe('a profile stored before bases were placed', () => {
  it('is placed when the worker starts, with no marker left for it', async () => {
    const owenId = volunteerDocId(world.owen.user.id);
    const before = await storedProfile(owenId);
    await seed(server, [{ ...before, base_postcode: 'LL55' } as VolunteerDoc]);
    expect(await markerOf(owenId)).toBeNull();
    await server.geocoding?.stop();
    // As after a restart: a new worker on the same data.
    const restarted = startGeocoding({
      ...quickGeocoding(new PostcodesIo(service.url)),
      storage: server.storage,
      now,
    });
    try {
      expect((await placedAt(owenId, 'LL55')).base_centroid).toMatchObject(caernarfon);
    } finally {
      await restarted.stop();
    }
  });
});

describe('devices cannot forge the point of a base', () => {
  it('refuses moving it, from the volunteer or their coordinator, and stores nothing', async () => {
    const veraId = volunteerDocId(world.vera.user.id);
    const vera = await onDevice(world.vera.cookie, veraId);
    await vera.device.put(edited(vera.held, { base_postcode: 'LL55' }));
    expect(await push(vera.device, world.vera.cookie)).toEqual([]);
    const placed = await placedAt(veraId, 'LL55');

    for (const who of [world.vera, world.cath]) {
      const { device, held } = await onDevice(who.cookie, veraId);
      const centroid = held.base_centroid!;
      // Nearer Aberystwyth's requests than she is: moved 80 km south.
      await device.put(edited(held, { base_centroid: { ...centroid, ...aberystwyth } }));
      expect(await push(device, who.cookie)).toEqual(['read_only_field']);
    }
    expect(await storedProfile(veraId)).toMatchObject({ _rev: placed._rev });
  });

  it('refuses adding one the server has not written, or one on a new profile, even an admin’s', async () => {
    const owenId = volunteerDocId(world.owen.user.id);
    const before = await storedProfile(owenId);
    const cath = await onDevice(world.cath.cookie, owenId);
    const fact = { ...aberystwyth, district: 'SY23', at: now().toISOString() };
    await cath.device.put(edited(cath.held, { base_postcode: 'SY23', base_centroid: fact }));
    expect(await push(cath.device, world.cath.cookie)).toEqual(['read_only_field']);
    expect(await storedProfile(owenId)).toMatchObject({ _rev: before._rev });

    const ana = await staff(server, 'ana', 'admin', []);
    const forged = { ...profile(staffUserId('nerys'), ['ceredigion']), base_postcode: 'SY23' };
    const res = await dbFetch(server, '/db/_bulk_docs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: [{ ...forged, base_centroid: fact }] }),
      cookie: ana.cookie,
    });
    expect(await res.json()).toEqual([
      expect.objectContaining({ id: forged._id, error: 'forbidden', reason: 'read_only_field' }),
    ]);
    expect(await stored(server, forged._id)).toBeNull();
  });
});
