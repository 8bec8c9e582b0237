/**
 * Only leaf revisions are served, and a contact that was corrected or deleted keeps no readable
 * body: not through `/db` (`?rev=`, `open_revs`, `_bulk_get` with an old revision all answer the
 * leaf), and not in storage once the server's compaction has run (compaction.ts).
 */
import { afterEach, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { at } from '../../../support/factories.ts';
import { startAccountServer, testClock } from '../../../support/staff/account-fixtures.ts';
import { dbFetch } from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { eventually } from '../../../support/eventually.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('old revisions of a contact', (storage) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const oldPhone = (body: unknown) => JSON.stringify(body).includes('07700900111');

  async function bulkDocs(s: TestServer, cookie: string, docs: unknown[]) {
    const res = await dbFetch(s, '/db/_bulk_docs', {
      method: 'POST',
      cookie,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    return (await res.json()) as { ok?: boolean; rev?: string; error?: string }[];
  }

  /** The world's Ceredigion request held by Vera, its contact's phone set to a known old number. */
  async function withOldContact() {
    server = await startAccountServer({ storage, now: testClock(at(24 * 60)).now });
    const s = server;
    const world = await seedWorld(s);
    const id = requestContactId(world.requests.veras._id);
    const seeded = await s.storage.replicatedDb.get<ContactDoc>(id);
    const first = { ...seeded, contact: { ...seeded.contact, phone: '07700900111' } };
    const [written] = await bulkDocs(s, world.cath.cookie, [first]);
    expect(written).toMatchObject({ ok: true });
    // The phone as stored (normalised by the schema), so the checks below can see it.
    expect(oldPhone(await s.storage.replicatedDb.get(id, { rev: written!.rev! }))).toBe(true);
    return { s, world, id, old: written!.rev!, current: { ...first, _rev: written!.rev! } };
  }

  /** Whether storage no longer holds the old body: compacted away, or never readable at `old`. */
  async function oldBodyGone(s: TestServer, id: string, old: string) {
    try {
      return !oldPhone(await s.storage.replicatedDb.get(id, { rev: old }));
    } catch {
      return true;
    }
  }

  async function readsOf(s: TestServer, cookie: string, id: string, rev: string) {
    const path = `/db/${encodeURIComponent(id)}`;
    const byRev = await (await dbFetch(s, `${path}?rev=${rev}`, { cookie })).json();
    const open = await (
      await dbFetch(s, `${path}?open_revs=${encodeURIComponent(JSON.stringify([rev]))}`, { cookie })
    ).json();
    const bulk = await (
      await dbFetch(s, '/db/_bulk_get?revs=true', {
        method: 'POST',
        cookie,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ docs: [{ id, rev }] }),
      })
    ).json();
    return [byRev, open, bulk];
  }

  it('are answered with the leaf, and leave storage once compacted, after a correction', async () => {
    const { s, world, id, old, current } = await withOldContact();
    const corrected = { ...current, contact: { ...current.contact, phone: '07700900222' } };
    expect((await bulkDocs(s, world.cath.cookie, [corrected]))[0]).toMatchObject({ ok: true });
    for (const answer of await readsOf(s, world.cath.cookie, id, old)) {
      expect(oldPhone(answer)).toBe(false);
      expect(JSON.stringify(answer)).toContain('07700900222');
    }
    await eventually(() => oldBodyGone(s, id, old), {
      what: 'the corrected body gone from storage',
      timeout: 8_000,
      every: 100,
    });
  });

  it('keep no personal data once the contact is deleted, even when deleted with its body', async () => {
    const { s, world, id, old, current } = await withOldContact();
    const [deleted] = await bulkDocs(s, world.cath.cookie, [{ ...current, _deleted: true }]);
    expect(deleted).toMatchObject({ ok: true });
    for (const answer of await readsOf(s, world.cath.cookie, id, old)) {
      expect(oldPhone(answer)).toBe(false);
    }
    const tombstone = await s.storage.replicatedDb.get(id, { rev: deleted!.rev!, revs: false });
    expect(Object.keys(tombstone).sort()).toEqual([
      '_deleted',
      '_id',
      '_rev',
      'request_id',
      'type',
    ]);
    await eventually(() => oldBodyGone(s, id, old), {
      what: 'the deleted body gone from storage',
      timeout: 8_000,
      every: 100,
    });
  });
});
