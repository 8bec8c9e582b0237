/**
 * The fast first sync (src/lib/staff/sync/bulk-load.ts) against the real server: pages of the
 * filtered `_all_docs`, then the ordinary pull from the sequence named before the first page. The
 * device ends with exactly what the user may read, a change made while the pages were read still
 * arrives, and the live sync after it starts from the checkpoint rather than from the beginning.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { bulkLoad } from '../../../../src/lib/staff/sync/replicator/bulk-load.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { startAccountServer, testClock } from '../../../support/staff/account-fixtures.ts';
import {
  deviceDb,
  expectedIds,
  liveIds,
  remoteDb,
  assignedTo,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the fast first sync', () => {
  it('holds exactly the view, takes changes made meanwhile, and leaves a checkpoint', async () => {
    const clock = testClock('2030-01-11T09:00:00.000Z');
    server = await startAccountServer({ now: clock.now });
    const s = server;
    const world = await seedWorld(s);
    const { open } = world.requests;
    const given = assignedTo(open, world.vera.user.id);
    const device = deviceDb();
    const remote = remoteDb(s, world.vera.cookie);
    let pages = 0;
    let written: Promise<unknown> = Promise.resolve();
    const loaded = await bulkLoad({
      local: device,
      remote,
      pageSize: 2,
      // After the first page, the coordinator gives Vera the open task.
      onPage: () => {
        if (++pages === 1) {
          written = s.storage.replicatedDb
            .get(open._id)
            .then((stored) => s.storage.replicatedDb.put({ ...given, _rev: stored._rev }));
        }
      },
    });
    expect(loaded.complete).toBe(true);
    expect(pages).toBeGreaterThan(2);
    await written;
    const pulled = await device.replicate.from(remote, { since: loaded.since });
    const after = world.docs.map((d): StaffDoc => (d._id === given._id ? given : d));
    const now = clock.now().toISOString();
    expect(await liveIds(device)).toEqual(expectedIds(world.vera.user, after, now));
    expect(await liveIds(device)).toContain(requestContactId(open._id));
    expect(pulled.docs_read).toBeLessThan(loaded.docs);

    // The live sync after it goes on from the checkpoint the pull wrote.
    const again = await device.replicate.from(remote);
    expect(again.docs_read).toBe(0);
  });

  it('gives a coordinator their whole view, page after page', async () => {
    server = await startAccountServer();
    const world = await seedWorld(server);
    const device = deviceDb();
    const remote = remoteDb(server, world.cath.cookie);
    const loaded = await bulkLoad({ local: device, remote, pageSize: 3 });
    const expected = expectedIds(world.cath.user, world.docs, new Date().toISOString());
    expect(loaded.docs).toBe(expected.length);
    expect(await liveIds(device)).toEqual(expected);
    const pulled = await device.replicate.from(remote, { since: loaded.since });
    expect(pulled.docs_written).toBe(0);
  });
});
