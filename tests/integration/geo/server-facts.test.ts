/**
 * The points are the server's: real devices replicating through `/db` cannot add, move or drop
 * one (refused `read_only_field`, nothing stored), whatever their role; a request written through
 * `/db` without its points gets them; and a device's edit made offline before the points arrived
 * keeps both its own change and the points (the merge, docs/architecture.md "Places").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { PostcodeTable } from '../../../sync-server/geo/postcode-table.ts';
import { markPending } from '../../../sync-server/geo/pending.ts';
import { eventually } from '../../support/eventually.ts';
import { request } from '../../support/factories.ts';
import type { TestServer } from '../../support/server/test-server.ts';
import { worldClock } from '../../support/server/test-server.ts';
import { startAccountServer } from '../../support/staff/account-fixtures.ts';
import {
  dbFetch,
  deviceDb,
  remoteDb,
  staff,
  stored,
} from '../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../support/world/seeded-world.ts';
import { importFixture, quickGeocoding } from './geo-fixtures.ts';

let server: TestServer;
let world: Awaited<ReturnType<typeof seedWorld>>;
const now = worldClock();

beforeAll(async () => {
  server = await startAccountServer({
    geocoding: quickGeocoding((storage) => new PostcodeTable(storage.serverOnly)),
  });
  await importFixture(server.storage);
  world = await seedWorld(server);
});
afterAll(() => server.close());

const storedRequest = async (id: string) => (await stored(server, id)) as RequestDoc;
const storedContact = async (id: string) =>
  (await stored(server, requestContactId(id))) as ContactDoc;

async function placed(id: string) {
  return eventually(
    async () => {
      const [r, c] = [await storedRequest(id), await storedContact(id)];
      return r.district_centroid && c.location ? { request: r, contact: c } : null;
    },
    { what: `the points of ${id}` },
  );
}

/** Pushes what `device` holds with the user's cookie; gives the reasons of what was refused. */
async function push(device: PouchDB.Database, cookie: string) {
  const denied: string[] = [];
  const replication = device.replicate.to(remoteDb(server, cookie));
  void replication.on('denied', (e) => denied.push((e as { reason?: string }).reason ?? '?'));
  await replication;
  return denied;
}

describe('a request written through /db', () => {
  it('gets its points from the server after the device’s write', async () => {
    const { open } = world.requests;
    const cath = deviceDb();
    await cath.replicate.from(remoteDb(server, world.cath.cookie));
    const mine = await cath.get<RequestDoc>(open._id);
    expect(mine.district_centroid).toBeUndefined();
    await cath.put(setRegister(mine, 'urgency', 'high', world.cath.user.id, now().toISOString()));
    expect(await push(cath, world.cath.cookie)).toEqual([]);
    const { request: r, contact: c } = await placed(open._id);
    expect(r.district_centroid?.district).toBe('SY23');
    expect(r.urgency).toBe('high');
    expect(c.location).toMatchObject({ postcode: 'SY23 1AA', precision: 'unit' });
  });
});

describe('an edit made before the points arrived', () => {
  it('keeps the device’s change and the server’s points, on the request and the contact', async () => {
    const { owens } = world.requests;
    const cath = deviceDb();
    await cath.replicate.from(remoteDb(server, world.cath.cookie));
    // The server works the points out while Cath's laptop is offline.
    await markPending(server.storage.serverOnly, owens._id, now());
    await placed(owens._id);
    const request = await cath.get<RequestDoc>(owens._id);
    await cath.put(setRegister(request, 'urgency', 'low', world.cath.user.id, now().toISOString()));
    const contact = await cath.get<ContactDoc>(requestContactId(owens._id));
    await cath.put({
      ...contact,
      contact: { ...contact.contact, phone: '01970612345' },
      updated_at: now().toISOString(),
    });
    expect(await push(cath, world.cath.cookie)).toEqual([]);
    const [r, c] = [await storedRequest(owens._id), await storedContact(owens._id)];
    expect(r.urgency).toBe('low');
    expect(r.district_centroid?.district).toBe('SY23');
    expect(c.contact.phone).toBe('01970612345');
    expect(c.location?.postcode).toBe('SY23 1AA');
    // And the device converges on it.
    await cath.replicate.from(remoteDb(server, world.cath.cookie));
    expect((await cath.get<ContactDoc>(requestContactId(owens._id))).location).toEqual(c.location);
  });
});

describe('devices cannot forge the points', () => {
  it('refuses moving, dropping or adding one through replication, and stores nothing', async () => {
    const { open } = world.requests;
    const { request: before, contact: contactBefore } = await placed(open._id);
    const cath = deviceDb();
    await cath.replicate.from(remoteDb(server, world.cath.cookie));
    const held = await cath.get<RequestDoc>(open._id);
    const centroid = held.district_centroid;
    if (centroid === undefined) throw new Error('no centroid on the device');
    // Nearer the volunteer: moved 10 km north.
    await cath.put({ ...held, district_centroid: { ...centroid, lat: centroid.lat + 0.09 } });
    const contact = await cath.get<ContactDoc>(requestContactId(open._id));
    const dropped: ContactDoc = { ...contact, updated_at: now().toISOString() };
    delete dropped.location;
    await cath.put(dropped);
    expect((await push(cath, world.cath.cookie)).sort()).toEqual([
      'read_only_field',
      'read_only_field',
    ]);
    expect(await storedRequest(open._id)).toMatchObject({ _rev: before._rev });
    expect(await storedContact(open._id)).toMatchObject({ _rev: contactBefore._rev });
  });

  it('refuses a new request that brings its own point, even from an admin', async () => {
    const ana = await staff(server, 'ana', 'admin', []);
    const forged = {
      ...request({ area: 'ceredigion' }),
      district_centroid: { lat: 52.4, lon: -4.08, district: 'SY23', at: now().toISOString() },
    };
    const res = await dbFetch(server, '/db/_bulk_docs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: [forged] }),
      cookie: ana.cookie,
    });
    expect(await res.json()).toEqual([
      expect.objectContaining({ id: forged._id, error: 'forbidden', reason: 'read_only_field' }),
    ]);
    expect(await stored(server, forged._id)).toBeNull();
  });
});
