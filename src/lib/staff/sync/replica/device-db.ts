/**
 * The staff device's databases for one signed-in user: the PouchDB replica (`indexeddb` adapter,
 * which can `purge`), the remote under `/db` on this origin, and the Dexie read model. Only staff
 * pages import this: the resident's first visit must not load PouchDB.
 *
 * They are named by the account's id (`userId`, the UUID the server's session answer gives,
 * session.ts), never by its username: one meaning per name, and a username is personal data. Devices that named them by
 * the username have them moved on upgrade (replica-upgrade.ts).
 */
import PouchDB from './pouchdb.ts';
import Dexie from 'dexie';
import { ReadModelDb, readModelName } from '../../data/model/read-model.ts';
import { noteRefusal } from './refusal-watch.ts';
import { askToKeep } from '../../../pwa/device-storage.ts';
import { deviceDbName } from './db-names.ts';

export { deviceDbName };

export type DeviceDbs = { local: PouchDB.Database; remote: PouchDB.Database; model: ReadModelDb };

/**
 * Opens (creating if need be) this user's databases (`userId`: the account's UUID) and asks the browser to keep them.
 * `model`: the read model, when a page opened it first to draw its screen (device-session.svelte.ts).
 * `onPullAnswered` runs after every answer of the remote's `_changes`: one pull cycle, including
 * the longpoll's empty answer when nothing visible changed (PouchDB's heartbeat ends it every
 * 10 s), which is when documents that silently LEFT the view can be asked for.
 */
export function openDeviceDbs(
  userId: string,
  origin = location.origin,
  onPullAnswered?: () => void,
  model = new ReadModelDb(readModelName(userId)),
): DeviceDbs {
  const local = new PouchDB(deviceDbName(userId), { adapter: 'indexeddb', auto_compaction: true });
  const remote = new PouchDB(`${origin}/db`, {
    // The session cookie is the credential; nothing else is sent.
    fetch: async (url, opts) => {
      const response = await PouchDB.fetch(url, { ...opts, credentials: 'include' });
      if (response.ok && String(url).includes('/_changes')) onPullAnswered?.();
      // Whichever request meets a disabled account's 403 first, replication hears of it.
      if (response.status === 403) noteRefusal(remote);
      return response;
    },
    skip_setup: true,
  });
  // Best effort: unsent work must not be evicted under storage pressure. The staff home shows the answer.
  void askToKeep();
  return { local, remote, model };
}

/**
 * Sign-out: destroys the replica and the read model. The caller checks `everythingOnServer` first
 * and stops replication; what is not on the server is lost here.
 */
export async function wipe(userId: string, dbs?: DeviceDbs): Promise<void> {
  dbs?.model.close();
  await (dbs?.local ?? new PouchDB(deviceDbName(userId), { adapter: 'indexeddb' })).destroy();
  await Dexie.delete(readModelName(userId));
}
