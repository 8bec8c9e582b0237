/**
 * Start-up on CouchDB names what is wrong, each with its own fix: CouchDB unreachable, the
 * credentials wrong, the user locked out (CouchDB 3.4+), the user lacking a permission (not a
 * server admin where the databases are missing, or not a member of them), CouchDB failing. Every
 * message masks the URL's credentials. A least-privilege user (a member of databases an admin
 * made) starts as any other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  openPouchStorage,
  StorageUnavailableError,
} from '../../../sync-server/storage/pouch-storage.ts';
import type { CouchProblem } from '../../../sync-server/storage/couch-open.ts';
import type { Refusal } from '../../support/server/couch-refusals.ts';
import {
  couchPassword,
  startCouchStandIn,
  type CouchStandIn,
} from '../../support/server/couch-stand-in.ts';
import { runScript } from '../../support/server/run-script.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function standIn(): Promise<CouchStandIn> {
  const couch = await startCouchStandIn();
  cleanups.push(() => couch.close());
  return couch;
}

/** The stand-in with both databases made, as an admin would have made them. */
async function withDatabases(): Promise<CouchStandIn> {
  const couch = await standIn();
  await (await openPouchStorage(couch.url)).close();
  return couch;
}

const secrets = /not-the-password|sesame-0451|sêr|s%C3%AAr/;

async function problemOpening(location: string) {
  const error = await openPouchStorage(location).then(
    (storage) => storage.close().then(() => new Error('opened')),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageUnavailableError);
  const { problem, message } = error as StorageUnavailableError;
  expect(message).not.toMatch(secrets);
  return { problem, message };
}

const masked = (couch: CouchStandIn) => couch.bareUrl.replace('http://', 'http://***@');

describe('opening the databases on CouchDB', () => {
  it('names wrong credentials, and none at all', async () => {
    const couch = await standIn();
    const wrong = couch.url.replace(encodeURIComponent(couchPassword), 'not-the-password');
    expect(await problemOpening(wrong)).toEqual({
      problem: 'bad_credentials',
      message: `CouchDB at ${masked(couch)} refused the user name or password in COUCHDB_URL (HTTP 401: Name or password is incorrect.). Correct them: every failed attempt counts toward CouchDB's lockout of that user.`,
    });
    expect(await problemOpening(couch.bareUrl)).toMatchObject({
      problem: 'bad_credentials',
      message: expect.stringMatching(/asks for a user name and password, and COUCHDB_URL has none/),
    });
  });

  it.each<[Refusal, CouchProblem, RegExp]>([
    ['locked_out', 'locked_out', /has temporarily locked out the user in COUCHDB_URL .*HTTP 403/],
    ['not_member', 'no_permission', /may not use the database "cymorth" .*_security members/],
    ['failing', 'failing', /could not open the database "cymorth" \(HTTP 500: The request could/],
    ['dropping', 'unreachable', /^Could not reach CouchDB at .*: ECONNRESET\. Check COUCHDB_URL/],
  ])('names %s', async (refusal, problem, message) => {
    const couch = await withDatabases();
    couch.refuse(refusal);
    const found = await problemOpening(couch.url);
    expect(found).toEqual({ problem, message: expect.stringMatching(message) as string });
    expect(found.message).toContain(masked(couch));
  });

  it('names a user who may not create the missing databases', async () => {
    const couch = await standIn();
    couch.refuse('not_admin');
    expect(await problemOpening(couch.url)).toEqual({
      problem: 'no_permission',
      message: `The user in COUCHDB_URL may not create the database "cymorth" on CouchDB at ${masked(couch)} (HTTP 401: You are not a server admin.). Have a CouchDB admin create "cymorth" and "cymorth_server" and add this user to each one's _security members (see README, "Scaling beyond one machine").`,
    });
  });

  it('names an unreachable server', async () => {
    expect(await problemOpening('http://cymorth:sesame-0451@127.0.0.1:9/')).toEqual({
      problem: 'unreachable',
      message:
        'Could not reach CouchDB at http://***@127.0.0.1:9/: ECONNREFUSED. Check COUCHDB_URL and that CouchDB is running.',
    });
  });

  it('opens databases an admin made for a user who is no server admin', async () => {
    const couch = await withDatabases();
    couch.refuse('not_admin');
    const storage = await openPouchStorage(couch.url);
    await storage.serverOnly.ping();
    await storage.close();
  });

  it('start.ts stops with the lockout named, and never prints the password', async () => {
    const couch = await withDatabases();
    couch.refuse('locked_out');
    const run = await runScript('sync-server/start.ts', [], {
      COUCHDB_URL: couch.url,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`CouchDB at ${masked(couch)} has temporarily locked out the user`);
    expect(run.output()).not.toMatch(secrets);
  });
});
