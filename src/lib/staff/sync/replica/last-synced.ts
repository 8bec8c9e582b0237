/**
 * When this device last caught up with the server, kept in a `_local` document of its replica so
 * that a reload with no signal still says "synced 5 minutes ago" rather than "not yet" (issue 9:
 * the time lived only in memory). It never replicates and goes with the replica when it is wiped.
 */
import { lastSyncedId } from './local-doc-ids.ts';

type LastSyncedDoc = { _id: string; _rev?: string; at: string };

/** The time saved last, or null if this replica has never caught up. */
export async function readLastSynced(local: PouchDB.Database): Promise<string | null> {
  const doc = await local.get<LastSyncedDoc>(lastSyncedId).catch(() => null);
  return typeof doc?.at === 'string' ? doc.at : null;
}

/**
 * Saves `at`, one write at a time (a live sync catches up after every change it pulls); a time
 * older than the one saved is ignored, so two tabs never move it back.
 */
export function lastSyncedWriter(local: PouchDB.Database): (at: string) => Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  return (at) => {
    writing = writing.then(async () => {
      const doc = await local.get<LastSyncedDoc>(lastSyncedId).catch(() => null);
      if (doc && doc.at >= at) return;
      await local.put({ ...(doc ?? { _id: lastSyncedId }), at });
    });
    // A failed save costs only the time shown after a reload; the next catch-up saves again.
    writing = writing.catch(() => {});
    return writing;
  };
}
