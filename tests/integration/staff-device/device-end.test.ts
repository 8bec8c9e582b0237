/**
 * When the real server ends access, the whole staff device (src/lib/staff/sync/device.ts) on the
 * browser build of PouchDB over fake IndexedDB: a disabled account's device is wiped with its
 * unsent change counted; a device whose session ended (timed out on the server's clock) keeps an
 * unsent change, and one signed out in another tab is wiped when nothing is unsent.
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import { browser } from './browser.ts';
import PouchDB from 'pouchdb-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceDbName } from '$lib/staff/sync/device-db.ts';
import { startStaffDevice, type DeviceEnd } from '$lib/staff/sync/device.ts';
import { SyncStatus } from '$lib/staff/sync/sync-status.svelte.ts';
import { setDisabled } from '../../../sync-server/accounts/account-store.ts';
import { hours, testClock, testScrypt } from '../accounts/account-fixtures.ts';
import { testUuid } from '../../unit/domain/staff/factories.ts';
import type { TestServer } from '../test-server.ts';
import { cleanUp, requestBy, signedInCoordinator, storedIds } from './device-fixtures.ts';

afterEach(cleanUp);

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
  const device = startStaffDevice(userId, new SyncStatus(), server.url, resolveEnd);
  return { userId, device, ended };
}

describe('access ended by the server', () => {
  it('wipes a disabled account’s device, counting what was unsent', async () => {
    const { server, cathId } = await signedInCoordinator();
    const accounts = {
      store: server.storage.serverOnly,
      now: () => new Date(),
      scrypt: testScrypt,
    };
    await setDisabled(accounts, 'cath', true);
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
