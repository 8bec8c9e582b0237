/**
 * The upgrade from databases named by the username to databases named by the user's id
 * (src/lib/staff/sync/replica/replica-upgrade.ts), on the browser build of PouchDB over
 * fake-indexeddb: every revision and the device's own `_local` documents are kept, the old
 * databases go, and nothing is destroyed when the copy fails.
 */
import {
  evictionTokenId,
  initialSyncId,
  refusalLogId,
  uploadLedgerId,
} from '$lib/staff/sync/replica/local-doc-ids.ts';
import 'fake-indexeddb/auto';
import '../browser-globals.ts';
import PouchDB from 'pouchdb-browser';
import { describe, expect, it } from 'vitest';
import { deviceDbName } from '$lib/staff/sync/replica/device-db.ts';
import { ReadModelDb, catchUp, readModelName } from '$lib/staff/data/model/read-model.ts';
import {
  moveUsernameReplica,
  usernameReadModelName,
  usernameReplicaName,
} from '$lib/staff/sync/replica/replica-upgrade.ts';
import { request, testUuid } from '../../../../support/factories.ts';

let n = 0;
const databases = async () => (await indexedDB.databases()).map((d) => d.name).sort();
const open = (name: string) => new PouchDB(name, { adapter: 'indexeddb' });

type Leaf = { rev: string; deleted: boolean; history: unknown };
type Revision = { _rev: string; _deleted?: boolean; _revisions?: unknown };

/** Every document the replica ever held (tombstones too), each with all its leaves' histories. */
async function revisionsOf(db: PouchDB.Database): Promise<Record<string, Leaf[]>> {
  const { results } = await db.changes({ style: 'all_docs' });
  const held: Record<string, Leaf[]> = {};
  for (const { id } of results.sort((a, b) => a.id.localeCompare(b.id))) {
    const leaves = await db.get(id, { open_revs: 'all', revs: true });
    held[id] = leaves
      .flatMap((l) => ('ok' in l ? [l.ok as Revision] : []))
      .map((d) => ({ rev: d._rev, deleted: d._deleted === true, history: d._revisions }))
      .sort((a, b) => a.rev.localeCompare(b.rev));
  }
  return held;
}

const ledger = { acked_seq: 5, denied: [{ id: 'request:x', rev: '1-x', reason: 'outside' }] };
const refusals = { entries: [{ requestId: 'request:x', reason: 'outside' }] };

/**
 * A device as it was before the upgrade, under `username`: a request pulled and then edited, one
 * with a second leaf (a conflict replication left), one deleted, one written offline and never
 * uploaded; the device's own `_local` documents; and its read model.
 */
async function oldDevice() {
  const username = `vera${++n}`;
  const db = open(usernameReplicaName(username));
  const edited = request();
  const { rev } = await db.put(edited);
  await db.put({ ...edited, urgency: 'high', _rev: rev });
  const conflicted = request();
  await db.put(conflicted);
  await db.bulkDocs([{ ...conflicted, _rev: '1-ffff', urgency: 'low' }], { new_edits: false });
  const deleted = request();
  const put = await db.put(deleted);
  await db.remove(deleted._id, put.rev);
  const offline = request();
  await db.put(offline);
  await db.put({ _id: initialSyncId, at: '2030-01-10T09:00:00.000Z' });
  await db.put({ _id: uploadLedgerId, ...ledger });
  await db.put({ _id: evictionTokenId, since: 'token-1' });
  await db.put({ _id: refusalLogId, ...refusals });
  const model = new ReadModelDb(usernameReadModelName(username));
  await catchUp(db, model);
  model.close();
  const before = await revisionsOf(db);
  await db.close();
  return { username, userId: testUuid(), before, ids: { edited, conflicted, deleted, offline } };
}

describe('moving a replica named by the username to the user id', () => {
  it('keeps every revision, conflicts and deletions too, and the device’s own documents', async () => {
    const { username, userId, before, ids } = await oldDevice();
    // What the old replica holds, so that the comparison below compares something.
    expect(before[ids.edited._id]?.[0]?.rev).toMatch(/^2-/);
    expect(before[ids.conflicted._id]).toHaveLength(2);
    expect(before[ids.deleted._id]?.[0]?.deleted).toBe(true);
    expect(Object.keys(before)).toHaveLength(4);

    expect(await moveUsernameReplica(username, userId)).toBe(true);

    const fresh = open(deviceDbName(userId));
    expect(await revisionsOf(fresh)).toEqual(before);
    expect(await fresh.get(ids.offline._id)).toMatchObject({ _id: ids.offline._id });
    expect(await fresh.get(initialSyncId)).toMatchObject({ at: '2030-01-10T09:00:00.000Z' });
    // The ledger's seq was the old replica's: counted again from the start; refusals stand.
    expect(await fresh.get(uploadLedgerId)).toMatchObject({ acked_seq: 0, denied: ledger.denied });
    expect(await fresh.get(evictionTokenId)).toMatchObject({ since: 'token-1' });
    expect(await fresh.get(refusalLogId)).toMatchObject(refusals);
    await fresh.close();

    const names = await databases();
    expect(names).not.toContain(`_pouch_${usernameReplicaName(username)}`);
    expect(names).not.toContain(usernameReadModelName(username));
    expect(names).toContain(`_pouch_${deviceDbName(userId)}`);
    // Moved once: the next start finds nothing to move.
    expect(await moveUsernameReplica(username, userId)).toBe(false);
  });

  it('finishes a move cut short: the new replica keeps what it holds, and gains the rest', async () => {
    const { username, userId, before, ids } = await oldDevice();
    // Cut short after some documents and the token were written under the new name, which the
    // device has used since: its token and its later edit win.
    const fresh = open(deviceDbName(userId));
    await open(usernameReplicaName(username)).replicate.to(fresh, { doc_ids: [ids.edited._id] });
    await fresh.put({ _id: evictionTokenId, since: 'token-2' });
    const edited = await fresh.get(ids.edited._id);
    const later = await fresh.put({ ...edited, urgency: 'low' });

    expect(await moveUsernameReplica(username, userId)).toBe(true);
    const after = await revisionsOf(fresh);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after[ids.conflicted._id]).toEqual(before[ids.conflicted._id]);
    expect((await fresh.get(ids.edited._id))._rev).toBe(later.rev);
    expect(await fresh.get(evictionTokenId)).toMatchObject({ since: 'token-2' });
    expect(await fresh.get(initialSyncId)).toMatchObject({ at: '2030-01-10T09:00:00.000Z' });
    await fresh.close();
    expect(await databases()).not.toContain(`_pouch_${usernameReplicaName(username)}`);
  });

  it('destroys nothing when the copy fails, and moves it all on the next start', async () => {
    const { username, userId, before } = await oldDevice();
    const newName = deviceDbName(userId);
    // The new replica's writes fail (storage full, say); the old one's still work.
    type Done = (error: Error) => void;
    type Adapter = (this: { _bulkDocs: unknown }, opts: { name: string }, done: Done) => void;
    const adapters = (PouchDB as unknown as { adapters: Record<string, Adapter> }).adapters;
    const indexeddb = adapters.indexeddb!;
    let failed = 0;
    adapters.indexeddb = Object.assign(
      function (this: { _bulkDocs: unknown }, opts, done) {
        indexeddb.call(this, opts, done);
        if (opts.name.endsWith(newName))
          this._bulkDocs = (_docs: unknown, _opts: unknown, fail: Done) => {
            failed += 1;
            fail(new Error('QuotaExceededError'));
          };
      } as Adapter,
      indexeddb,
    );

    try {
      await expect(moveUsernameReplica(username, userId)).rejects.toThrow();
    } finally {
      adapters.indexeddb = indexeddb;
    }
    expect(failed).toBeGreaterThan(0);
    expect(await databases()).toContain(`_pouch_${usernameReplicaName(username)}`);
    expect(await databases()).toContain(usernameReadModelName(username));
    const old = open(usernameReplicaName(username));
    expect(await revisionsOf(old)).toEqual(before);
    await old.close();

    expect(await moveUsernameReplica(username, userId)).toBe(true);
    const fresh = open(newName);
    expect(await revisionsOf(fresh)).toEqual(before);
    await fresh.close();
  });

  it('creates nothing on a device that never held a replica under the username', async () => {
    const names = await databases();
    const userId = testUuid();
    expect(await moveUsernameReplica(`nobody${++n}`, userId)).toBe(false);
    expect(await databases()).toEqual(names);
    expect(names).not.toContain(readModelName(userId));
  });
});
