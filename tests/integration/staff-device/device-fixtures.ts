/**
 * A staff device against the real server: the server in-process on a free port with real storage
 * (test-server.ts), a member of staff signed in through the device's browser (browser.ts), the
 * device's own databases opened by device-db.ts (the browser build of PouchDB on fake IndexedDB,
 * its remote under `/db`), and the replicator started as the staff device starts it.
 */
import { eventually } from '../../support/eventually.ts';
import { browser } from './browser.ts';
import { routedRequest, type RequestDoc } from '#domain/requests/request.ts';
import { openDeviceDbs, type DeviceDbs } from '$lib/staff/sync/replica/device-db.ts';
import { Replicator, type ReplicatorOptions } from '$lib/staff/sync/replicator/replicator.ts';
import type { SyncSnapshot } from '$lib/staff/sync/status/sync-snapshot.ts';
import { staffUserId } from '../../../sync-server/accounts/staff-user-id.ts';
import { request, testUuid } from '../../support/factories.ts';
import { setDisabled } from '../../../sync-server/accounts/account-store.ts';
import {
  goodPassword,
  seedUser,
  startAccountServer,
  testScrypt,
} from '../../support/staff/account-fixtures.ts';
import { seed } from '../../support/staff/replication-fixtures.ts';
import { holdReferences, takeHeld } from '../../support/staff/reference-fixtures.ts';
import type { TestServer, TestServerOptions } from '../../support/server/test-server.ts';

export { seed };

const cleanups: Array<() => Promise<void>> = [];

/** Stops the replications and closes the servers, newest first; the browser forgets its origin. */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  browser.close();
}

/** The real server, closed after the test. */
export async function startServer(options: TestServerOptions = {}): Promise<TestServer> {
  const server = await startAccountServer(options);
  cleanups.push(() => server.close());
  return server;
}

/**
 * `username` signs in on the device's browser. Sign anyone else in (with `staff`) before this:
 * the browser keeps the cookie of whoever signs in through its fetch last, as a browser would.
 */
export async function signInOnDevice(server: TestServer, username: string): Promise<void> {
  browser.open(server.url);
  await browser.signIn(username, goodPassword);
}

/** An admin disables the account (`npm run admin -- disable <username>`). */
export async function disableAccount(server: TestServer, username: string): Promise<void> {
  const accounts = { store: server.storage.serverOnly, now: () => new Date(), scrypt: testScrypt };
  const result = await setDisabled(accounts, username, true);
  if (!result.ok) throw new Error(`${username} not disabled: ${result.problem}`);
}

/**
 * The real server with Cath, coordinator of Ceredigion, signed in on the device's browser. She
 * reads every document of Ceredigion, so what the server holds there is what her device pulls.
 */
export async function signedInCoordinator(options: TestServerOptions = {}) {
  const server = await startServer(options);
  await seedUser(server.storage, { username: 'cath', role: 'coordinator', areas: ['ceredigion'] });
  await signInOnDevice(server, 'cath');
  // Her device's pool: requests she takes on the phone carry one (requestBy).
  await holdReferences(server, staffUserId('cath'), 50);
  return { server, cathId: staffUserId('cath') };
}

/**
 * This device's databases, as the staff pages open them, under a name of their own. They are left
 * open after the test, as the replication's last count may still be reading them; fake IndexedDB
 * lives in memory and goes with the test file's worker.
 */
export const deviceDbs = (server: Pick<TestServer, 'url'>): DeviceDbs =>
  openDeviceDbs(testUuid(), server.url);

/**
 * A new request `author` took down on the phone on their device, made by the domain's own
 * constructor (`routedRequest`): every register stamped by them, as the server wants of a new
 * request from staff, the resident's consent recorded as heard by phone, and a reference held for
 * them (`holdReferences`, which `signedInCoordinator` calls for Cath).
 */
export function requestBy(author: string, area = 'ceredigion'): RequestDoc {
  const made = request({ area });
  return routedRequest({ ...made, reference: takeHeld(author) ?? made.reference }, area, author);
}

/** The ids the server stores whose id starts with `prefix`. */
export async function storedIds(server: TestServer, prefix: string): Promise<string[]> {
  return (await server.storage.replicated.idsWithPrefix(prefix)).sort();
}

type Started = Pick<ReplicatorOptions, 'local' | 'remote'> &
  Partial<ReplicatorOptions> & { onState?: (state: SyncSnapshot) => void };

/**
 * The replicator between the device and the server, started, with `onState` subscribed to its
 * snapshots, and stopped after the test. Retries come after the backoff's 1 s floor, and no Web
 * Lock is taken (one tab).
 */
export function replicate(options: Started) {
  const { onState, ...rest } = options;
  let state: SyncSnapshot | null = null;
  const handle = new Replicator({
    userId: testUuid(),
    random: () => 0,
    lock: (_name, _signal, job) => job(),
    ...rest,
  });
  handle.subscribe((s) => {
    state = s;
    onState?.(s);
  });
  handle.start();
  cleanups.push(() => handle.stop());
  const last = () => JSON.stringify(state);
  return {
    handle,
    state: () => state,
    until: (check: (s: SyncSnapshot) => boolean, ms = 5_000) =>
      eventually(() => (state && check(state) ? state : null), {
        what: last,
        timeout: ms,
        every: 20,
      }),
  };
}
