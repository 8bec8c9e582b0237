/**
 * `npm run seed -- --force` on CouchDB while a server runs: the seeder deletes both databases and
 * makes them again, and the server's routing index, read from the old database's changes feed,
 * must not go on listing documents that no longer exist. It notices the new database by its mark
 * (sync-server/replication/database-generation.ts), within a second, and reads it from the start.
 */
import PouchDB from 'pouchdb-node';
import { afterEach, expect, it } from 'vitest';
import { generationCheckMs } from '../../../../sync-server/storage/database-generation.ts';
import { runSeed } from '../../../../scripts/seed/seed-cli.ts';
import { seedDataDir, type SeedOptions } from '../../../../scripts/seed/seed-data-dir.ts';
import { replicatedDbName } from '../../../../sync-server/storage/storage.ts';
import { signedIn } from '../../../support/staff/account-fixtures.ts';
import { couchPassword } from '../../../support/server/couch-stand-in.ts';
import { remoteDb } from '../../../support/staff/replication-fixtures.ts';
import {
  startTestServer,
  worldClock,
  type TestServer,
} from '../../../support/server/test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function seed(s: TestServer, seedNumber: number, force: boolean) {
  const options: SeedOptions = {
    ...{ requests: 15, volunteers: 2, areas: 1, coordinators: 1, seed: seedNumber },
    now: worldClock()(),
    dataDir: s.location,
    fastHashes: true,
    force,
  };
  const result = await seedDataDir(options);
  const coordinator = result.accounts.find((a) => a.role === 'coordinator');
  if (coordinator === undefined) throw new Error('the seed made no coordinator');
  return { coordinator: coordinator.username, password: result.password };
}

/** What a coordinator's device is told exists: the filtered feed from the start. */
async function feedIds(s: TestServer, seeded: { coordinator: string; password: string }) {
  const cookie = await signedIn(s.url, seeded.coordinator, seeded.password);
  const db = remoteDb(s, cookie);
  try {
    return (await db.changes({ since: 0 })).results.map((r) => r.id);
  } finally {
    await db.close();
  }
}

async function storedIds(s: TestServer): Promise<Set<string>> {
  const db = new PouchDB(`${s.location}${replicatedDbName}`, { skip_setup: true });
  try {
    return new Set((await db.allDocs()).rows.map((r) => r.id));
  } finally {
    await db.close();
  }
}

it('a server re-reads a database re-created by seed --force, and lists nothing of the old one', async () => {
  server = await startTestServer({ storage: 'couchdb' });
  const first = await seed(server, 1, false);
  const before = await feedIds(server, first);
  const old = await storedIds(server);
  expect(before.length).toBeGreaterThan(10);
  expect(before.every((id) => old.has(id))).toBe(true);

  const second = await seed(server, 2, true);
  // A server reads the database's mark at most once a second.
  await new Promise((resolve) => setTimeout(resolve, generationCheckMs));
  const after = await feedIds(server, second);
  const stored = await storedIds(server);
  const gone = [...old].filter((id) => !stored.has(id));
  expect(gone.length).toBeGreaterThan(10);
  expect(after.filter((id) => !stored.has(id))).toEqual([]);
  expect(after.filter((id) => id.startsWith('request:')).length).toBeGreaterThan(0);
  // The feed a server started afresh on the new database would give, document for document.
  const fresh = await startTestServer({ sharing: server.location });
  try {
    expect([...after].sort()).toEqual([...(await feedIds(fresh, second))].sort());
  } finally {
    await fresh.close();
  }
});

it('seed --force as a user who is no server admin stops with CouchDB refusing, and deletes nothing', async () => {
  server = await startTestServer({ storage: 'couchdb' });
  await seed(server, 1, false);
  const before = await storedIds(server);
  server.couch?.refuse('not_admin');
  const lines: string[] = [];
  const args = ['--force', '--requests', '3', '--volunteers', '1', '--areas', '1', '--fast-hashes'];
  const code = await runSeed(args, {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    env: { COUCHDB_URL: server.location },
    today: () => new Date(),
  });
  expect(code).toBe(1);
  expect(lines.at(-1)).toMatch(
    /^Could not seed CouchDB at http:\/\/\*\*\*@127\.0\.0\.1:\d+\/: storage refused: HTTP 401 unauthorized \(You are not a server admin\.\) \(--force on CouchDB takes a server admin in COUCHDB_URL\)\.$/,
  );
  expect(lines.join('\n')).not.toContain(encodeURIComponent(couchPassword));
  server.couch?.refuse(null);
  expect(await storedIds(server)).toEqual(before);
});
