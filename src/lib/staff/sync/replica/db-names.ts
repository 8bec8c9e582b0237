/**
 * The replica's name (device-db.ts), the names a device gave its databases before they were named
 * by the account's id (replica-upgrade.ts), and whether this device still holds any of those. Kept
 * apart from both so a staff page can ask without loading PouchDB: on every start but the first
 * after the upgrade the answer is no, and the replica can wait until the first screen is drawn.
 */
import { readModelName } from '../../data/model/read-model.ts';

export const deviceDbName = (userId: string) => `cymorth-${userId}`;

/** What PouchDB puts before a database's name in IndexedDB's (pouchdb-core's `PouchDB.prefix`). */
export const pouchPrefix = '_pouch_';

/** The old names, as devices before the upgrade wrote them: fixed, whatever device-db.ts says. */
export const usernameReplicaName = (username: string) => `cymorth-${username}`;
export const usernameReadModelName = (username: string) => `cymorth-${username}-read`;

/** Whether IndexedDB holds `name` on this origin; undefined where the browser cannot list them. */
export async function holds(name: string): Promise<boolean | undefined> {
  const all = await globalThis.indexedDB?.databases?.().catch(() => undefined);
  return all?.some((d) => d.name === name);
}

/**
 * False only when this device surely holds neither old database of `username` (one listing of
 * IndexedDB's); true or unknown means the upgrade must run before the device opens its databases.
 */
export async function mayHoldUsernameDbs(username: string, userId: string): Promise<boolean> {
  const oldReplica = usernameReplicaName(username);
  if (oldReplica === deviceDbName(userId)) return false;
  const all = await globalThis.indexedDB?.databases?.().catch(() => undefined);
  if (!all) return true;
  const names = new Set(all.map((d) => d.name));
  return (
    names.has(`${pouchPrefix}${oldReplica}`) ||
    (usernameReadModelName(username) !== readModelName(userId) &&
      names.has(usernameReadModelName(username)))
  );
}
