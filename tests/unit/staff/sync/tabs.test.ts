/**
 * Two "tabs" of one user in one process: a mutex stands in for Web Locks, Node's BroadcastChannel
 * carries the leader's status. Only the lock holder replicates; the other shows what it broadcasts
 * and takes over when the leader stops.
 */
import { describe, expect, it } from 'vitest';
import { startReplication, type ReplicationOptions } from '$lib/staff/sync/replication.ts';
import type { SyncSnapshot } from '$lib/staff/sync/sync-snapshot.ts';
import { request, testUuid } from '../../domain/staff/factories.ts';
import { memoryDb } from './pouch.ts';

function mutex(): NonNullable<ReplicationOptions['lock']> {
  let held: Promise<void> = Promise.resolve();
  return (_name, _signal, job) => {
    const turn = held.then(job);
    held = turn.catch(() => {});
    return turn;
  };
}

const until = async (check: () => boolean | Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('one replication per user across tabs', () => {
  it('the second tab follows the leader, then leads when it stops', async () => {
    const userId = testUuid();
    const lock = mutex();
    const remote = memoryDb('remote');
    const local = memoryDb('local'); // in a browser both tabs open the same IndexedDB
    await local.bulkDocs([request(), request()]);
    const seen: { a: SyncSnapshot | null; b: SyncSnapshot | null } = { a: null, b: null };
    const onRemote = async (n: number) => (await remote.info()).doc_count === n;

    const tabA = startReplication({ userId, local, remote, lock, onState: (s) => (seen.a = s) });
    await until(() => seen.a?.leader === true && seen.a.everythingOnServer);
    const tabB = startReplication({ userId, local, remote, lock, onState: (s) => (seen.b = s) });
    await local.put(request());
    await until(async () => (await onRemote(3)) && seen.b?.everythingOnServer === true);
    expect(seen.b?.leader).toBe(false); // B only shows what A broadcasts
    expect(seen.a?.leader).toBe(true);

    await tabA.stop();
    await until(() => seen.b?.leader === true);
    await local.put(request());
    await until(async () => (await onRemote(4)) && seen.b?.everythingOnServer === true);
    await tabB.stop();
  });
});
