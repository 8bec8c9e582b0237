/**
 * The server goes away in the middle of a device's sync and comes back on the same data and port
 * (a deploy, a crash and restart). A real PouchDB client syncing a big seeded world both ways,
 * with local edits made before and during the outage, retries on its own and ends with nothing
 * lost: every document the coordinator may read is on the device, and every write the device made
 * is on the server exactly once (one revision each, no conflicts, the device's own revision).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterEach, expect, it } from 'vitest';
import { noteDocId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { createApp } from '../../../sync-server/app.ts';
import { listen, type RunningServer } from '../../../sync-server/http/listen.ts';
import { openPouchStorage } from '../../../sync-server/storage/pouch-storage.ts';
import { generate } from '../../../scripts/seed/generate.ts';
import { staffUserId } from '../../../sync-server/accounts/staff-user-id.ts';
import type { Storage } from '../../../sync-server/storage/storage.ts';
import { seedUser, signedIn, testScrypt } from '../../support/staff/account-fixtures.ts';
import { writeStaticFixture } from '../../support/server/static-fixture.ts';
import { forEachStorage } from '../../support/server/storages.ts';
import { testStorageLocation } from '../../support/server/test-server.ts';
import { eventually } from '../../support/eventually.ts';
import { testUuid } from '../../support/factories.ts';
import { deviceDb, expectedIds, liveIds } from '../../support/staff/replication-fixtures.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One server process's worth: storage opened on `location`, the app listening on `port`. */
async function startInstance(location: string, staticDir: string, port: number) {
  const storage = await openPouchStorage(location);
  const app = createApp({
    storage,
    staticDir,
    rateLimitPerMinute: 10_000,
    trustedProxies: 0,
    accounts: { scrypt: testScrypt },
  });
  const server = await listen(app, port, '127.0.0.1');
  return { storage, server };
}

type Instance = { storage: Storage; server: RunningServer };

async function stopInstance({ server, storage }: Instance) {
  await server.close(100);
  await storage.close();
}

/**
 * The server's `/db` as a device reaches it through a load balancer or proxy, which answers 503
 * while the instance behind it is down (rather than refusing the connection, which PouchDB 9
 * also survives but reports as an unhandled rejection from deep inside its http adapter).
 */
function behindBalancer(url: string, cookie: string): PouchDB.Database {
  return new PouchDB(`${url}/db`, {
    skip_setup: true,
    fetch: async (target, opts) => {
      const headers = new Headers(opts?.headers);
      headers.set('cookie', cookie);
      try {
        return await PouchDB.fetch(target, { ...opts, headers });
      } catch {
        const body = JSON.stringify({ error: 'unavailable', reason: 'restarting' });
        return new Response(body, { status: 503, headers: { 'Content-Type': 'application/json' } });
      }
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

/** A restart and a big catch-up take their time: look every half second, for up to a minute. */
const slowly = { timeout: 60_000, every: 500 };

forEachStorage('a server restarted mid-replication', (storageKind) => {
  it(
    'the device retries and ends with nothing lost, both ways, every write once',
    { timeout: 120_000 },
    async () => {
      const root = await mkdtemp(path.join(tmpdir(), 'cymorth-restart-'));
      cleanups.push(() => rm(root, { recursive: true, force: true }));
      const staticDir = await writeStaticFixture(root);
      const place = await testStorageLocation(root, storageKind);
      cleanups.push(() => place.remove());

      let instance: Instance = await startInstance(place.location, staticDir, 0);
      const port = instance.server.port;
      cleanups.push(() => stopInstance(instance));
      const url = `http://127.0.0.1:${port}`;

      // A big world: 600 requests with their contacts, notes, events, profiles and areas.
      const world = generate({
        requests: 600,
        volunteers: 20,
        areas: 3,
        coordinators: 1,
        seed: 4242,
        now: new Date(Date.now() - 3_600_000),
      });
      for (let i = 0; i < world.docs.length; i += 1000) {
        await instance.storage.replicatedDb.bulkDocs(
          world.docs.slice(i, i + 1000) as PouchDB.Core.PutDocument<object>[],
        );
      }
      const areaIds = world.docs.filter((d) => d.type === 'area').map((d) => d._id.slice(5));
      const areas = areaIds.slice(0, 2); // two of the three: the feed is filtered
      await seedUser(instance.storage, { username: 'cath', role: 'coordinator', areas });
      const cookie = await signedIn(url, 'cath');
      const cath = {
        id: staffUserId('cath'),
        role: 'coordinator' as const,
        areas,
        disabled: false,
      };
      const mayRead = expectedIds(cath, world.docs);
      const requestsInView = world.docs.filter(
        (d): d is RequestDoc => d.type === 'request' && areas.includes(d.area ?? ''),
      );

      // Written on the device before it ever synced: 200 notes on requests in her areas.
      const device = deviceDb();
      const note = (request: RequestDoc, text: string): StaffDoc => ({
        _id: noteDocId(request._id, testUuid()),
        type: 'note',
        request_id: request._id,
        author: cath.id,
        text,
        for_assignee: false,
        created_at: new Date().toISOString(),
      });
      const written = new Map<string, string>(); // id → the device's revision
      for (const request of requestsInView.slice(0, 200)) {
        const result = await device.put(note(request, 'Cyn cysoni / before sync'));
        written.set(result.id, result.rev);
      }

      const sync = device.sync(behindBalancer(url, cookie), {
        live: true,
        retry: true,
        batch_size: 100,
        back_off_function: (delay: number) => (delay === 0 ? 100 : Math.min(delay * 2, 1000)),
      });
      cleanups.push(async () => sync.cancel());
      let errors = 0;
      void sync.on('error', () => errors++);

      // Restart once the pull is well under way (a third of what she may read has arrived).
      let pulled = 0;
      let restarted: Promise<void> | undefined;
      let outage = false;
      void sync.on('change', (info) => {
        if (info.direction !== 'pull') return;
        pulled += info.change.docs.length;
        if (restarted || pulled < mayRead.length / 3) return;
        restarted = (async () => {
          outage = true;
          await stopInstance(instance);
          // Edits made while the server is away: requests already on the device raised to high.
          const held = await device.allDocs({
            startkey: 'request:',
            endkey: 'request:\ufff0',
            include_docs: true,
            limit: 100,
          });
          for (const row of held.rows) {
            const request = row.doc as unknown as RequestDoc;
            if (request.urgency === 'high') continue;
            const result = await device.put(
              setRegister(request, 'urgency', 'high', cath.id, new Date().toISOString()),
            );
            written.set(result.id, result.rev);
          }
          await new Promise((r) => setTimeout(r, 500));
          instance = await startInstance(place.location, staticDir, port);
          outage = false;
        })();
      });
      await eventually(() => restarted !== undefined, { what: 'the restart', ...slowly });
      await restarted;
      expect(outage).toBe(false);
      const editsDuringOutage = [...written.keys()].filter((id) => id.startsWith('request:'));
      expect(editsDuringOutage.length).toBeGreaterThan(20);
      // More notes after the restart, while the sync is still catching up.
      for (const request of requestsInView.slice(300, 350)) {
        const result = await device.put(note(request, 'Ar ôl ailgychwyn / after the restart'));
        written.set(result.id, result.rev);
      }

      const onServer = async (id: string) => {
        try {
          return (await instance.storage.replicatedDb.get(id, { conflicts: true, revs: true })) as {
            _rev: string;
            _conflicts?: string[];
          };
        } catch {
          return null;
        }
      };
      await eventually(
        async () => {
          const held = new Set(await liveIds(device));
          return mayRead.every((id) => held.has(id));
        },
        { what: 'every document she may read on the device', ...slowly },
      );
      await eventually(
        async () => {
          for (const [id, rev] of written) if ((await onServer(id))?._rev !== rev) return false;
          return true;
        },
        { what: 'every write on the server', ...slowly },
      );
      expect(errors).toBe(0); // retry hides the outage: the sync never gave up

      // Nothing lost, nothing more: the device holds exactly what she may read plus her notes.
      const held = await liveIds(device);
      const notes = [...written.keys()].filter((id) => id.startsWith('note:'));
      expect(held).toEqual([...new Set([...mayRead, ...notes])].sort());
      // Every write once: the device's own revision won, with no conflicting twin.
      for (const [id, rev] of written) {
        const doc = await onServer(id);
        expect(doc?._rev, id).toBe(rev);
        expect(doc?._conflicts ?? [], id).toEqual([]);
        if (id.startsWith('note:')) expect(rev.startsWith('1-'), id).toBe(true);
      }
      const serverNotes = await instance.storage.replicatedDb.allDocs({
        startkey: 'note:',
        endkey: 'note:\ufff0',
        include_docs: true,
      });
      const ours = serverNotes.rows.filter(
        (r) => (r.doc as { author?: string }).author === cath.id,
      );
      expect(ours.map((r) => r.id).sort()).toEqual(notes.sort());
    },
  );
});
