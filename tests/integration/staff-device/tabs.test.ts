/**
 * Two "tabs" of one user in one process, replicating with the real server: a mutex stands in for
 * Web Locks (Node has none), Node's BroadcastChannel carries the leader's status. Only the lock
 * holder replicates; the other shows what it broadcasts and takes over when the leader stops.
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import './browser.ts';
import { describe, expect, it, afterEach } from 'vitest';
import { startReplication, type ReplicationOptions } from '$lib/staff/sync/replication.ts';
import type { SyncSnapshot } from '$lib/staff/sync/sync-snapshot.ts';
import { testUuid } from '../../unit/domain/staff/factories.ts';
import {
  cleanUp,
  deviceDbs,
  requestBy,
  signedInCoordinator,
  storedIds,
  until,
} from './device-fixtures.ts';

afterEach(cleanUp);

function mutex(): NonNullable<ReplicationOptions['lock']> {
  let held: Promise<void> = Promise.resolve();
  return (_name, _signal, job) => {
    const turn = held.then(job);
    held = turn.catch(() => {});
    return turn;
  };
}

describe('one replication per user across tabs', () => {
  it('the second tab follows the leader, then leads when it stops', async () => {
    const { server, cathId } = await signedInCoordinator();
    const userId = testUuid();
    const lock = mutex();
    // In a browser both tabs open the same IndexedDB and reach the same origin.
    const { local, remote } = deviceDbs(server);
    await local.bulkDocs([requestBy(cathId), requestBy(cathId)]);
    const seen: { a: SyncSnapshot | null; b: SyncSnapshot | null } = { a: null, b: null };
    const onServer = async (n: number) => (await storedIds(server, '')).length === n;
    const seenSoFar = () => JSON.stringify(seen);

    const tabA = startReplication({ userId, local, remote, lock, onState: (s) => (seen.a = s) });
    await until(() => seen.a?.leader === true && seen.a.everythingOnServer, seenSoFar);
    const tabB = startReplication({ userId, local, remote, lock, onState: (s) => (seen.b = s) });
    await local.put(requestBy(cathId));
    await until(async () => (await onServer(3)) && seen.b?.everythingOnServer === true, seenSoFar);
    expect(seen.b?.leader).toBe(false); // B only shows what A broadcasts
    expect(seen.a?.leader).toBe(true);

    await tabA.stop();
    await until(() => seen.b?.leader === true, seenSoFar);
    await local.put(requestBy(cathId));
    await until(async () => (await onServer(4)) && seen.b?.everythingOnServer === true, seenSoFar);
    await tabB.stop();
  });
});
