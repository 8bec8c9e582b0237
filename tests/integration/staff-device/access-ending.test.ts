/**
 * The real server ends a device's access, and the device hears why and acts on it. A disabled
 * account's first request is answered 403 and its session cookie is cleared, so every request after
 * it is a 401 (sync-server/accounts/session-gate.ts); the replicator (src/lib/staff/sync/
 * replicator/, refusal-watch.ts there) must still take it for a disabled account, not an ended
 * session, whichever request met the 403. The whole device (device.ts) then wipes a disabled
 * account's data, unsent change counted; a device whose session ended (idle past the timeout on
 * the server's clock) keeps an unsent change, and one signed out in another tab is wiped when
 * nothing is unsent.
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import { eventually } from '../../support/eventually.ts';
import { browser } from './browser.ts';
import PouchDB from 'pouchdb-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceDbName } from '$lib/staff/sync/replica/device-db.ts';
import { startStaffDevice, type DeviceEnd } from '$lib/staff/sync/device.ts';
import { hours, testClock } from '../../support/staff/account-fixtures.ts';
import { request, testUuid } from '../../support/factories.ts';
import type { TestServer } from '../../support/server/test-server.ts';
import {
  cleanUp,
  deviceDbs,
  disableAccount,
  replicate,
  requestBy,
  seed,
  signedInCoordinator,
  storedIds,
} from './device-fixtures.ts';

afterEach(cleanUp);

describe('access ending', () => {
  it('a 403 that info() resolved as a body ends access as disabled, not as a later 401', async () => {
    const { server } = await signedInCoordinator();
    await disableAccount(server, 'cath');
    const { local } = deviceDbs(server);
    // PouchDB's own http adapter, and nothing of the device's fetch: only what info() resolved
    // (the 403's body, `account_disabled`) can tell; every later request is a 401.
    const remote = new PouchDB(`${server.url}/db`, { skip_setup: true });
    const reasons: string[] = [];
    replicate({ local, remote, onAccessEnded: (reason) => reasons.push(reason) });
    await eventually(() => reasons.length > 0, { what: () => 'access never ended', every: 20 });
    expect(reasons).toEqual(['disabled']);
    expect(browser.sentTo('').map((s) => s.status)).toContain(403);
  });

  it('a 403 the remote’s fetch met on any request (a checkpoint read, say) ends access as disabled', async () => {
    const { server } = await signedInCoordinator();
    await seed(server, [request()]);
    const { local, remote } = deviceDbs(server);
    // The account is disabled just as the pull reads its checkpoint: that read meets the 403,
    // which PouchDB does not pass on as it was, and every request after it is a 401.
    let disabled = false;
    browser.beforeSend = async ({ method, url }) => {
      if (!disabled && method === 'GET' && url.pathname.startsWith('/db/_local/')) {
        disabled = true;
        await disableAccount(server, 'cath');
      }
    };
    const reasons: string[] = [];
    replicate({ local, remote, onAccessEnded: (reason) => reasons.push(reason) });
    await eventually(() => reasons.length > 0, { what: () => 'access never ended', every: 20 });
    expect(reasons).toEqual(['disabled']);
    const checkpointRead = browser.sent.find((s) => s.url.pathname.startsWith('/db/_local/'));
    expect(checkpointRead?.status).toBe(403);
  });
});

const databasesOf = async (userId: string) =>
  (await indexedDB.databases()).filter((d) => d.name?.includes(userId)).map((d) => d.name);

/** Cath's device, whose replica already holds a request she took down offline (or none), started. */
async function startDevice(server: TestServer, cathId: string, unsent: boolean) {
  const userId = testUuid();
  if (unsent) {
    const local = new PouchDB(deviceDbName(userId), { adapter: 'indexeddb' });
    await local.put(requestBy(cathId));
    await local.close();
  }
  let resolveEnd: (end: DeviceEnd) => void = () => {};
  const ended = new Promise<DeviceEnd>((resolve) => (resolveEnd = resolve));
  const device = startStaffDevice(userId, server.url, resolveEnd);
  return { userId, device, ended };
}

describe('access ended by the server', () => {
  it('wipes a disabled account’s device, counting what was unsent', async () => {
    const { server, cathId } = await signedInCoordinator();
    await disableAccount(server, 'cath');
    const { userId, device, ended } = await startDevice(server, cathId, true);
    expect(await ended).toEqual({ reason: 'disabled', wiped: true, unsent: 1 });
    expect(await databasesOf(userId)).toEqual([]);
    expect(await device.signOut()).toBe('wiped');
    expect(await storedIds(server, '')).toEqual([]); // the server took nothing from it
  });

  it('keeps an unsent change when the session ended', async () => {
    const clock = testClock('2030-01-11T09:00:00.000Z');
    const { server, cathId } = await signedInCoordinator({ now: clock.now });
    clock.advance(hours(13)); // unused past the 12-hour idle timeout
    const { userId, device, ended } = await startDevice(server, cathId, true);
    expect(await ended).toEqual({ reason: 'session-ended', wiped: false, unsent: 1 });
    expect(browser.sent.map((s) => s.status)).toContain(401);
    expect(await databasesOf(userId)).toHaveLength(2);
    // Signing out is still the user's choice, warned.
    expect(await device.signOut()).toBe('unsent');
    expect(await device.signOut({ force: true })).toBe('wiped');
    expect(await databasesOf(userId)).toEqual([]);
  });

  it('wipes when the session ended and nothing was unsent', async () => {
    const { server, cathId } = await signedInCoordinator();
    // Signed out in another tab of the same browser: its cookie is gone for this one too.
    const signedOut = await fetch(`${server.url}/api/session`, { method: 'DELETE' });
    expect(signedOut.ok).toBe(true);
    const { userId, ended } = await startDevice(server, cathId, false);
    expect(await ended).toEqual({ reason: 'session-ended', wiped: true, unsent: 0 });
    expect(await databasesOf(userId)).toEqual([]);
  });
});
