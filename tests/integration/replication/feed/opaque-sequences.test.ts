/**
 * The stand-in answers with CouchDB 3's opaque update sequences, so every suite in this folder runs
 * Cymorth against sequences it cannot do arithmetic on. This checks the stand-in really does, and
 * that a device's checkpoint token carries such a sequence and resumes from it.
 */
import PouchDB from 'pouchdb-node';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../support/server/test-server.ts';
import { startAccountServer } from '../../../support/staff/account-fixtures.ts';
import {
  dbFetch,
  deviceDb,
  liveIds,
  remoteDb,
  assignedTo,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { requestContactId } from '#domain/documents/doc-ids.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('CouchDB 3 sequences', () => {
  it('are opaque on the stand-in, and a device resumes from a token that carries one', async () => {
    server = await startAccountServer({ storage: 'couchdb' });
    const world = await seedWorld(server);
    const couch = new PouchDB(`${server.location}cymorth`, { skip_setup: true });
    const info = await couch.info();
    const feed = await couch.changes({ limit: 1 });
    await couch.close();
    for (const seq of [info.update_seq, feed.last_seq, feed.results[0]?.seq]) {
      expect(typeof seq).toBe('string');
      expect(Number.isNaN(Number(seq))).toBe(true);
    }

    const device = deviceDb();
    const first = await device.replicate.from(remoteDb(server, world.vera.cookie));
    const token = String(first.last_seq);
    expect(token).toMatch(/^s[A-Za-z0-9_-]+(\.s[A-Za-z0-9_-]+)?-[0-9a-f]{12}$/);

    // A change after the checkpoint, then an incremental sync from it: only what changed comes.
    const { open } = world.requests;
    const stored = await server.storage.replicatedDb.get(open._id);
    const given = assignedTo(open, world.vera.user.id);
    await server.storage.replicatedDb.put({ ...given, _rev: stored._rev });
    const res = await dbFetch(server, `/db/_changes?since=${token}`, {
      cookie: world.vera.cookie,
    });
    const ids = ((await res.json()) as { results: { id: string }[] }).results.map((r) => r.id);
    expect(ids).toContain(open._id);
    expect(ids).toContain(requestContactId(open._id));
    expect(ids.length).toBeLessThan((await liveIds(device)).length);
    await device.replicate.from(remoteDb(server, world.vera.cookie));
    expect(await liveIds(device)).toContain(requestContactId(open._id));
  });
});
