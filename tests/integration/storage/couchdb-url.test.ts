/**
 * `COUCHDB_URL` end to end: the server, `npm run admin` and `npm run seed` keep their data in the
 * two databases on that CouchDB server (the express-pouchdb stand-in, which insists on the
 * credentials in the URL), a server that cannot be reached or refuses the credentials stops
 * start-up with a clear message, and the password never appears in anything printed.
 */
import PouchDB from 'pouchdb-node';
import { afterEach, describe, expect, it } from 'vitest';
import { listAccounts } from '../../../sync-server/accounts/account-store.ts';
import { couchdbUrl, readConfig } from '../../../sync-server/config.ts';
import { redactUrl } from '../../../sync-server/storage/couch-url.ts';
import { describeLocation, openPouchStorage } from '../../../sync-server/storage/pouch-storage.ts';
import { replicatedDbName, serverOnlyDbName } from '../../../sync-server/storage/storage.ts';
import {
  couchPassword,
  startCouchStandIn,
  type CouchStandIn,
} from '../../support/server/couch-stand-in.ts';
import { runScript } from '../../support/server/run-script.ts';
import { foodSubmission } from '../../support/server/submission-fixtures.ts';
import { postJson, startTestServer, type TestServer } from '../../support/server/test-server.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function standIn(): Promise<CouchStandIn> {
  const couch = await startCouchStandIn();
  cleanups.push(() => couch.close());
  return couch;
}

/** A database on the stand-in, read directly, as an operator with Fauxton would. */
async function idsOn(couch: CouchStandIn, name: string): Promise<string[]> {
  const db = new PouchDB(`${couch.url}${name}`, { skip_setup: true });
  try {
    return (await db.allDocs()).rows.map((r) => r.id);
  } finally {
    await db.close();
  }
}

describe('the COUCHDB_URL setting', () => {
  it('is checked, normalised to end in /, and printed without its credentials', () => {
    expect(couchdbUrl({})).toBeNull();
    expect(couchdbUrl({ COUCHDB_URL: ' ' })).toBeNull();
    expect(couchdbUrl({ COUCHDB_URL: 'https://u:p@couch.example:5984' })).toBe(
      'https://u:p@couch.example:5984/',
    );
    for (const bad of ['couch.example', 'ftp://couch.example/', 'http://c.example/?x=1']) {
      expect(() => couchdbUrl({ COUCHDB_URL: bad })).toThrow(/COUCHDB_URL/);
    }
    expect(() => couchdbUrl({ COUCHDB_URL: 'http://u:hunter2@[bad/' })).not.toThrow(/hunter2/);
    expect(readConfig({ COUCHDB_URL: 'http://c.example:5984' }).couchdbUrl).toBe(
      'http://c.example:5984/',
    );
    expect(redactUrl('https://ana:s3cret@couch.example/')).toBe('https://***@couch.example/');
    expect(describeLocation('https://ana:s3cret@couch.example/')).not.toContain('s3cret');
    expect(describeLocation('/srv/cymorth/data')).toBe('/srv/cymorth/data');
  });
});

describe('the server on a CouchDB server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('keeps replicated and server-only documents in the two databases there', async () => {
    server = await startTestServer({ storage: 'couchdb' });
    expect(server.location).toMatch(/^http:\/\/.+@127\.0\.0\.1:\d+\/$/);
    const submission = foodSubmission();
    expect((await postJson(server, submission)).status).toBe(201);
    const db = new PouchDB(`${server.location}${replicatedDbName}`, { skip_setup: true });
    const serverOnly = new PouchDB(`${server.location}${serverOnlyDbName}`, { skip_setup: true });
    try {
      const ids = (await db.allDocs()).rows.map((r) => r.id).sort();
      // The request, its contact and the created event its history starts with.
      expect(ids).toEqual([
        `contact:${submission.id}`,
        `event:${submission.id}:${submission.id}`,
        `request:${submission.id}`,
      ]);
      const privateIds = (await serverOnly.allDocs()).rows.map((r) => r.id);
      expect(privateIds).toContain(`receipt:${submission.id}`);
      expect(privateIds.some((id) => id.startsWith('ref:'))).toBe(true);
    } finally {
      await Promise.all([db.close(), serverOnly.close()]);
    }
  });

  // Each way CouchDB can refuse at start-up, and its message: couch-open.test.ts.

  it('start.ts stops with a clear message when CouchDB is unreachable, and never prints the password', async () => {
    const run = await runScript('sync-server/start.ts', [], {
      COUCHDB_URL: 'http://cymorth:sesame-0451@127.0.0.1:9/',
      PORT: '0',
      HOST: '127.0.0.1',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Could not reach CouchDB at http://***@127.0.0.1:9/');
    expect(run.stderr).toContain('Check COUCHDB_URL');
    expect(run.output()).not.toContain('sesame-0451');
  });
});

describe('npm run admin and npm run seed with COUCHDB_URL', () => {
  it('admin creates and lists accounts on the CouchDB server, not in DATA_DIR', async () => {
    const couch = await standIn();
    const env = { COUCHDB_URL: couch.url, DATA_DIR: '/nonexistent/cymorth-data' };
    const created = await runScript(
      'scripts/admin.ts',
      ['create-admin', 'ana', '--name', 'Ana Roberts'],
      env,
      'correct horse battery staple\n',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const listed = await runScript('scripts/admin.ts', ['list'], env);
    expect(listed.stdout).toMatch(/^ana\s+admin\s+active/m);
    const storage = await openPouchStorage(couch.url);
    try {
      expect((await listAccounts(storage.serverOnly)).map((a) => a.username)).toEqual(['ana']);
    } finally {
      await storage.close();
    }
    const unreachable = await runScript('scripts/admin.ts', ['list'], {
      COUCHDB_URL: 'http://cymorth:sesame-0451@127.0.0.1:9/',
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Could not reach CouchDB at http://***@127.0.0.1:9/');
    expect(unreachable.output()).not.toContain('sesame-0451');
  });

  it('seed fills empty databases there, refuses to seed them twice, and the demo start lists them', async () => {
    const couch = await standIn();
    const env = { COUCHDB_URL: couch.url, DATA_DIR: '/nonexistent/cymorth-data' };
    const args = ['--requests', '12', '--volunteers', '3', '--areas', '1', '--fast-hashes'];
    const seeded = await runScript('scripts/seed.ts', args, env);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('Seeded CouchDB at http://***@127.0.0.1');
    expect(seeded.output()).not.toContain(couchPassword);
    const ids = await idsOn(couch, replicatedDbName);
    expect(ids.filter((id) => id.startsWith('request:'))).toHaveLength(12);
    expect(await idsOn(couch, serverOnlyDbName)).toContain('seed:info');

    const again = await runScript('scripts/seed.ts', args, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has data');
    const demo = await runScript('scripts/seed.ts', ['--demo-start'], env);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('Staff accounts in this data directory:');
    expect(await idsOn(couch, replicatedDbName)).toEqual(ids);
  });
});
