/**
 * The staff device for one signed-in user, put together: the databases, the read model following
 * the replica, the replication and its status, purge, and sign-out. Staff pages call
 * `startStaffDevice` once after sign-in; nothing here is reachable from the resident's pages.
 */
import { openDeviceDbs, wipe, type DeviceDbs } from './device-db.ts';
import { purgeFromDevice } from './purge.ts';
import { followChanges } from './read-model.ts';
import type { SyncStatus } from './sync-status.svelte.ts';

export type StaffDevice = ReturnType<typeof startStaffDevice>;

export function startStaffDevice(userId: string, status: SyncStatus, origin?: string) {
  const dbs: DeviceDbs = openDeviceDbs(userId, origin);
  const readModel = followChanges(dbs.local, dbs.model);
  status.start({ userId, local: dbs.local, remote: dbs.remote });

  return {
    dbs,
    readModel,
    /** Purges documents that left this user's view; refusals of them are dropped too. */
    async purge(ids: string[]): Promise<string[]> {
      const purged = await purgeFromDevice(dbs.local, dbs.model, ids);
      await status.forget(purged);
      return purged;
    },
    /**
     * Sign-out wipes the device only once everything on it is on the server, counted afresh, unless
     * the user, warned, chooses to lose what is unsent (`force`).
     */
    async signOut({ force = false } = {}): Promise<'wiped' | 'unsent'> {
      await status.refresh();
      if (!force && !status.current.everythingOnServer) return 'unsent';
      await status.stop();
      readModel.stop();
      await wipe(userId, dbs);
      return 'wiped';
    },
  };
}
