/**
 * The upgrade from databases named by the username (`cymorth-<username>`, `cymorth-<username>-read`)
 * to databases named by the user's id (device-db.ts). A device may hold writes under the old name
 * that never reached the server (made offline, or kept when a session ended: docs/architecture.md,
 * "Decisions"), so the old replica is copied, not dropped:
 *
 * - every document, with all its leaves and their histories and its tombstone if deleted, by
 *   PouchDB's own local replication (`new_edits: false`): the same revisions, so the server is
 *   offered nothing new but the writes it never had;
 * - the `_local` documents the device keeps of its own, which replication never copies (below);
 * - then the old replica is destroyed. The old read model is only deleted: the new one is
 *   projected afresh from the replica (read-model.ts).
 *
 * Nothing is destroyed before everything is copied, so a move cut short (the tab closed) is done
 * again on the next start; what the new replica already holds wins over the old. One tab moves at
 * a time (a Web Lock), so a second tab finds the old replica gone, not half destroyed.
 */
import PouchDB from './pouchdb.ts';
import Dexie from 'dexie';
import {
  evictionTokenId,
  initialSyncId,
  lastSyncedId,
  refusalLogId,
  uploadLedgerId,
} from './local-doc-ids.ts';
import {
  deviceDbName,
  holds,
  pouchPrefix,
  usernameReadModelName,
  usernameReplicaName,
} from './db-names.ts';
import { readModelName } from '../../data/model/read-model.ts';

export { usernameReadModelName, usernameReplicaName };

type Body = Record<string, unknown>;

/** The `_local` documents a replica keeps, and what each becomes in the new replica. */
const carried: Array<{ id: string; carry?: (body: Body) => Body }> = [
  // The first sync is done: the live sync follows, from no checkpoint (the new replica's
  // replication id is its own), which offers the server only what it lacks.
  { id: initialSyncId },
  // Its seq is the old replica's: counted again from the start, which is never too few (pending
  // until the server confirms it); the refusals stand.
  { id: uploadLedgerId, carry: (body) => ({ ...body, acked_seq: 0 }) },
  { id: evictionTokenId },
  // A refusal outlives a purge, and an upgrade.
  { id: refusalLogId },
  // When it last synced is true of the user's data, whatever the replica is called.
  { id: lastSyncedId },
];

export type UpgradeOptions = {
  /** Runs `job` alone among this origin's tabs; defaults to Web Locks, or no lock without them. */
  lock?: (name: string, job: () => Promise<void>) => Promise<void>;
};

const webLock = (name: string, job: () => Promise<void>): Promise<void> =>
  globalThis.navigator?.locks ? navigator.locks.request(name, job) : job();

/** Whether the old replica holds anything: documents, or `_local` documents of its own. */
async function holdsAnything(db: PouchDB.Database): Promise<boolean> {
  if ((await db.info()).update_seq !== 0) return true;
  const locals = await Promise.all(carried.map(({ id }) => db.get(id).catch(() => null)));
  return locals.some((doc) => doc !== null);
}

async function copy(from: PouchDB.Database, to: PouchDB.Database): Promise<void> {
  const result = await from.replicate.to(to, { batch_size: 500, checkpoint: false });
  if (result.status !== 'complete' || result.doc_write_failures > 0)
    throw new Error(`replica not copied: ${result.doc_write_failures} documents failed`);
  for (const { id, carry } of carried) {
    const old = await from.get<Body>(id).catch(() => null);
    if (old === null || (await to.get(id).catch(() => null)) !== null) continue;
    // Put afresh, with no `_rev`: the new replica has none of it.
    const body: Body = { ...old, _rev: undefined };
    await to.put({ ...(carry ? carry(body) : body), _id: id });
  }
}

/**
 * Moves `username`'s replica, if this device holds one, to `userId`'s name, and deletes the old
 * read model. Resolves true when a replica was moved. Call it before the device opens its
 * databases; it throws, and destroys nothing, when the copy fails.
 */
export async function moveUsernameReplica(
  username: string,
  userId: string,
  { lock = webLock }: UpgradeOptions = {},
): Promise<boolean> {
  const oldName = usernameReplicaName(username);
  if (oldName === deviceDbName(userId)) return false;
  let moved = false;
  await lock(`cymorth-upgrade-${oldName}`, async () => {
    const listed = await holds(`${pouchPrefix}${oldName}`);
    if (listed !== false) {
      // Unlisted (the browser cannot say): opening creates an empty one, destroyed again at once.
      const old = new PouchDB(oldName, { adapter: 'indexeddb' });
      if (listed || (await holdsAnything(old))) {
        const fresh = new PouchDB(deviceDbName(userId), { adapter: 'indexeddb' });
        try {
          await copy(old, fresh);
        } finally {
          await fresh.close();
        }
        moved = true;
      }
      await old.destroy();
    }
    const oldModel = usernameReadModelName(username);
    if (oldModel !== readModelName(userId) && (await holds(oldModel)) !== false)
      await Dexie.delete(oldModel);
  });
  return moved;
}
