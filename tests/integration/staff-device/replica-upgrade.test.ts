/**
 * A device upgraded from databases named by the username (src/lib/staff/sync/replica/
 * replica-upgrade.ts) against the real server: what it wrote offline under the old name, and
 * never uploaded, reaches the server from the replica named by the user's id, with the revisions
 * it was written with; and a device whose first sync was done does not sync from scratch again.
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import { eventually } from '../../support/eventually.ts';
import { initialSyncId } from '$lib/staff/sync/replica/local-doc-ids.ts';
import { browser } from './browser.ts';
import PouchDB from 'pouchdb-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { startStaffDevice } from '$lib/staff/sync/device.ts';
import { deviceDbName } from '$lib/staff/sync/replica/device-db.ts';
import {
  moveUsernameReplica,
  usernameReplicaName,
} from '$lib/staff/sync/replica/replica-upgrade.ts';
import type { SyncSnapshot } from '$lib/staff/sync/status/sync-snapshot.ts';
import { request } from '../../support/factories.ts';
import { cleanUp, requestBy, seed, signedInCoordinator, storedIds } from './device-fixtures.ts';

afterEach(cleanUp);

describe('upgrading a device whose databases were named by the username', () => {
  it('uploads what was unsent under the old name, and does not sync from scratch', async () => {
    const { server, cathId } = await signedInCoordinator();
    const onServer = [request(), request()];
    await seed(server, onServer);
    // Cath's device before the upgrade: its first sync done, then a request taken down offline.
    const old = new PouchDB(usernameReplicaName('cath'), { adapter: 'indexeddb' });
    await old.replicate.from(new PouchDB(`${server.url}/db`, { skip_setup: true }));
    await old.put({ _id: initialSyncId, at: new Date().toISOString() });
    const unsent = requestBy(cathId);
    const { rev } = await old.put(unsent);
    await old.close();
    expect(await storedIds(server, '')).toEqual(onServer.map((d) => d._id).sort());

    expect(await moveUsernameReplica('cath', cathId)).toBe(true);
    browser.sent = [];
    const device = startStaffDevice(cathId, server.url);
    let state: SyncSnapshot | null = null;
    device.snapshots.subscribe((s) => (state = s));
    const seen = () => JSON.stringify(state);
    await eventually(() => state?.everythingOnServer && state.initialSync.finished, {
      what: seen,
      every: 20,
    });

    const all = [...onServer, unsent].map((d) => d._id).sort();
    expect(await storedIds(server, '')).toEqual(all);
    expect(await server.storage.replicatedDb.get(unsent._id)).toMatchObject({ _rev: rev });
    expect(await device.dbs.local.get(unsent._id)).toMatchObject({ _rev: rev });
    expect(device.dbs.local.name).toBe(deviceDbName(cathId));
    // The first-sync flag came along: no pages of `_all_docs`, nothing counted as a first sync.
    expect(browser.sentTo('_all_docs')).toEqual([]);
    expect(state!.initialSync.done).toBe(0);
    // Everything is on the server, so signing out wipes the device.
    expect(await device.signOut()).toBe('wiped');
  });
});
