/**
 * A task handed to someone else leaves the former volunteer's phone even when the database has
 * compacted away the revision that made it theirs (CouchDB compacts on its own): the server's
 * routing index keeps what each request was routed by, so `_evictions` does not depend on old
 * revision bodies while the instance runs.
 */
import { afterEach, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import { assign } from '#domain/requests/edits.ts';
import { forEachStorage } from '../../../support/server/storages.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { startAccountServer } from '../../../support/staff/account-fixtures.ts';
import { at, coordinatorId } from '../../../support/factories.ts';
import {
  compact,
  dbFetch,
  deviceDb,
  liveIds,
  remoteDb,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

forEachStorage('evictions after compaction', (storage) => {
  it('a handed-over task is still listed for purging', async () => {
    server = await startAccountServer({ storage });
    const world = await seedWorld(server);
    const { veras } = world.requests;
    const device = deviceDb();
    const first = await device.replicate.from(remoteDb(server, world.vera.cookie));
    expect(await liveIds(device)).toEqual(
      expect.arrayContaining([veras._id, requestContactId(veras._id)]),
    );

    // The coordinator hands Vera's task to Owen; the database then compacts.
    const current = await server.storage.replicatedDb.get(veras._id);
    const handedOver = assign(veras, world.owen.user.id, coordinatorId, at(101));
    await server.storage.replicatedDb.put({ ...handedOver, _rev: current._rev });
    await compact(server, storage);
    await expect(
      server.storage.replicatedDb.get(veras._id, { rev: current._rev }),
    ).rejects.toThrow();

    const since = encodeURIComponent(String(first.last_seq));
    const res = await dbFetch(server, `/db/_evictions?since=${since}`, {
      cookie: world.vera.cookie,
    });
    expect(res.status).toBe(200);
    const { ids } = (await res.json()) as { ids: string[] };
    expect(ids).toEqual(expect.arrayContaining([veras._id, requestContactId(veras._id)]));
  });
});
