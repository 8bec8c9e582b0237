/** Sign-out on the browser build of PouchDB over fake-indexeddb, with no server to reach. */
import 'fake-indexeddb/auto';
import './browser-globals.ts';
import { describe, expect, it } from 'vitest';
import { startStaffDevice } from '$lib/staff/sync/device.ts';
import { SyncStatus } from '$lib/staff/sync/status/sync-status.svelte.ts';
import { request, testUuid } from '../../../support/factories.ts';

const until = async (check: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('sign-out', () => {
  it('refuses to wipe while a change is unsent, and wipes when told to', async () => {
    const userId = testUuid();
    // Port 9 (discard): nothing answers, as with no signal.
    const device = startStaffDevice(userId, 'http://127.0.0.1:9');
    const status = new SyncStatus(device.snapshots);
    const r = request();
    await device.dbs.local.put(r);
    await until(() => status.current.pendingUploads === 1);
    expect(status.current.everythingOnServer).toBe(false);
    await device.readModel.idle();
    expect(await device.dbs.model.requests.count()).toBe(1);

    expect(await device.signOut()).toBe('unsent');
    expect(await device.signOut({ force: true })).toBe('wiped');
    const left = (await indexedDB.databases()).filter((d) => d.name?.includes(userId));
    expect(left).toEqual([]);
  });
});
