/**
 * Deletions reach every device that held the document, even after the database compacted away the
 * body of the revision they deleted (CouchDB compacts on its own): the server stores a deletion
 * with the fields the read policy routes it by (src/lib/domain/replication/routing-fields.ts), and no personal data.
 * Devices that never held the document never hear of it.
 */
import { afterEach, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import { forEachStorage } from '../../../support/server/storages.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { startAccountServer } from '../../../support/staff/account-fixtures.ts';
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

forEachStorage('deletions after compaction', (storage) => {
  it('reach the devices that held the document, and nobody else', async () => {
    server = await startAccountServer({ storage });
    const world = await seedWorld(server);
    const { open } = world.requests;
    const contactId = requestContactId(open._id);
    const cath = deviceDb();
    const other = deviceDb(); // a second device of the same coordinator
    await cath.replicate.from(remoteDb(server, world.cath.cookie));
    await other.replicate.from(remoteDb(server, world.cath.cookie));
    expect(await liveIds(other)).toEqual(expect.arrayContaining([open._id, contactId]));

    await cath.remove(await cath.get(contactId));
    await cath.remove(await cath.get(open._id));
    expect((await cath.replicate.to(remoteDb(server, world.cath.cookie))).docs_written).toBe(2);
    await compact(server, storage);

    await other.replicate.from(remoteDb(server, world.cath.cookie));
    const held = await liveIds(other);
    expect(held).not.toContain(contactId);
    expect(held).not.toContain(open._id);

    // The tombstone routes the deletion and keeps nothing personal.
    const [row] = (await server.storage.replicatedDb.allDocs({ keys: [contactId] })).rows;
    if (row === undefined || 'error' in row) throw new Error('the deletion is not stored');
    const tombstone = (await server.storage.replicatedDb.get(contactId, {
      rev: row.value.rev,
    })) as unknown as Record<string, unknown>;
    expect(Object.keys(tombstone).sort()).toEqual([
      '_deleted',
      '_id',
      '_rev',
      'request_id',
      'type',
    ]);

    // Gwen (another area) never learns either existed; Vera, who could read the open request but
    // not its contact, learns the request is gone and nothing of the contact.
    const feed = async (cookie: string) => {
      const res = await dbFetch(server!, '/db/_changes?since=0&style=all_docs', { cookie });
      return ((await res.json()) as { results: { id: string; deleted?: boolean }[] }).results;
    };
    const gwens = (await feed(world.gwen.cookie)).map((r) => r.id);
    expect(gwens).not.toContain(contactId);
    expect(gwens).not.toContain(open._id);
    const veras = await feed(world.vera.cookie);
    expect(veras.map((r) => r.id)).not.toContain(contactId);
    expect(veras).toContainEqual(expect.objectContaining({ id: open._id, deleted: true }));
  });
});
