/**
 * Documents entering and leaving a user's view without changing themselves. PouchDB's `purge`
 * exists only in the browser's indexeddb adapter (not in Node's memory adapter, and not under
 * fake-indexeddb), so here the device's side of an eviction is the list it would purge, checked
 * against the policy: exactly what `canRead` allowed before and no longer allows.
 */
import { afterEach, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { assign } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { setDisabled } from '../../../../sync-server/accounts/account-store.ts';
import {
  days,
  signedIn,
  startAccountServer,
  testClock,
  testScrypt,
} from '../../../support/staff/account-fixtures.ts';
import { at, coordinatorId } from '../../../support/factories.ts';
import {
  dbFetch,
  deviceDb,
  expectedIds,
  liveIds,
  remoteDb,
  assignedTo,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('documents entering and leaving a view', (storage) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  type Evictions = { ids: string[]; last_seq: string; reset?: boolean };

  async function evictionsSince(s: TestServer, cookie: string, since: string | number) {
    const res = await dbFetch(s, `/db/_evictions?since=${String(since)}`, { cookie });
    expect(res.status).toBe(200);
    return (await res.json()) as Evictions;
  }

  /** A coordinator's edit, written on the server as a replicated write would leave it. */
  async function rewrite(s: TestServer, doc: RequestDoc) {
    const current = await s.storage.replicatedDb.get(doc._id);
    await s.storage.replicatedDb.put({ ...doc, _rev: current._rev });
  }

  const without = (a: string[], b: string[]) => a.filter((id) => !b.includes(id));

  it('an assignment brings the contact and notes; a handover lists the old task for purging', async () => {
    const clock = testClock('2030-01-11T09:00:00.000Z');
    server = await startAccountServer({ storage, now: clock.now });
    const world = await seedWorld(server);
    const { open, veras } = world.requests;
    const device = deviceDb();
    const first = await device.replicate.from(remoteDb(server, world.vera.cookie));
    expect(await liveIds(device)).not.toContain(requestContactId(open._id));
    const checkpoint = String(first.last_seq);
    expect((await evictionsSince(server, world.vera.cookie, checkpoint)).ids).toEqual([]);

    // The coordinator gives Vera the open task and hands her own one to Owen.
    const given = assignedTo(open, world.vera.user.id);
    const handedOver = assign(veras, world.owen.user.id, coordinatorId, at(101));
    await rewrite(server, given);
    await rewrite(server, handedOver);
    const before = world.docs;
    const after: StaffDoc[] = before.map((d) =>
      d._id === given._id ? given : d._id === handedOver._id ? handedOver : d,
    );
    const now = clock.now().toISOString();

    // The contact did not change, yet it reaches the device with the assignment.
    await device.replicate.from(remoteDb(server, world.vera.cookie));
    const held = await liveIds(device);
    expect(held).toContain(requestContactId(open._id));
    for (const id of expectedIds(world.vera.user, after, now)) expect(held).toContain(id);

    // What left her view is exactly what the policy took away, and nothing else.
    const gone = without(
      expectedIds(world.vera.user, before, now),
      expectedIds(world.vera.user, after, now),
    );
    expect(gone).toContain(requestContactId(veras._id));
    const listed = await evictionsSince(server, world.vera.cookie, checkpoint);
    expect(listed.ids).toEqual(gone.sort());
    // Purging those leaves the device with exactly what she may read now.
    expect(without(held, listed.ids)).toEqual(expectedIds(world.vera.user, after, now));
    // Nothing more to purge from the new checkpoint; Owen's list never names his new task.
    expect((await evictionsSince(server, world.vera.cookie, listed.last_seq)).ids).toEqual([]);
    expect((await evictionsSince(server, world.owen.cookie, 0)).ids).not.toContain(veras._id);
  });

  it('a closed task leaves the volunteer’s phone after the retention time', async () => {
    const clock = testClock('2030-01-11T09:00:00.000Z');
    server = await startAccountServer({ storage, now: clock.now });
    const world = await seedWorld(server);
    const first = await evictionsSince(server, world.vera.cookie, 0);
    expect(first.ids).toEqual([]);
    clock.advance(days(8));
    const cookie = await signedIn(server.url, 'vera');
    const later = await evictionsSince(server, cookie, first.last_seq);
    expect(later.ids).toEqual([world.requests.done._id]);
  });

  it('a disabled account’s device is refused at once and receives nothing more', async () => {
    server = await startAccountServer({ storage });
    const world = await seedWorld(server);
    const ctx = { store: server.storage.serverOnly, now: () => new Date(), scrypt: testScrypt };
    await setDisabled(ctx, 'vera', true);
    for (const path of ['/db/_changes', '/db/_evictions', '/db/_local/x']) {
      const res = await dbFetch(server, path, { cookie: world.vera.cookie });
      expect(res.status).toBeGreaterThanOrEqual(401);
      expect(res.status).toBeLessThanOrEqual(403);
    }
    const device = deviceDb();
    await expect(device.replicate.from(remoteDb(server, world.vera.cookie))).rejects.toThrow();
    expect(await liveIds(device)).toEqual([]);
  });

  it('a changed set of areas resets the device’s view', async () => {
    server = await startAccountServer({ storage });
    const world = await seedWorld(server);
    const device = deviceDb();
    const pulled = await device.replicate.from(remoteDb(server, world.gwen.cookie));
    // Same account, other areas: old checkpoints name another view.
    const seq = String(pulled.last_seq).replace(/-[0-9a-f]+$/, '-000000000000');
    expect(await evictionsSince(server, world.gwen.cookie, seq)).toMatchObject({ reset: true });
  });
});
