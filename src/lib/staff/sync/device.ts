/**
 * The staff device for one signed-in user, put together: the databases, the read model following
 * the replica, the replicator (which it starts and stops, and whose snapshots it hands out), the
 * eviction cycle that purges what left the user's view, and the two ways the device's data goes:
 * sign-out, and access ending on the server. Staff pages call `startStaffDevice` once after
 * sign-in (device-session.svelte.ts); nothing here is reachable from the resident's pages.
 *
 * When `/db` answers 401 (session ended) or 403 (account disabled), sync stops for good and:
 * - disabled: the device is wiped at once, unsent changes included. A disabled account must not
 *   keep personal data, and the server would refuse its writes anyway; `DeviceEnd.unsent` says how
 *   many changes were discarded, so the loss is told, not silent.
 * - session ended: wiped if nothing is unsent. Otherwise the data stays (sync stopped) until the
 *   same user signs in again and the changes upload, or signs out choosing to lose them.
 */
import { openDeviceDbs, wipe, type DeviceDbs } from './replica/device-db.ts';
import { evictionCycle } from './eviction/eviction-cycle.ts';
import type { EndReason } from './eviction/eviction-plan.ts';
import { purgeFromDevice } from './eviction/purge.ts';
import { wasRefused } from './replica/refusal-watch.ts';
import { removeRows, type ReadModelDb } from '../data/model/read-model.ts';
import { followChanges } from '../data/model/follow-changes.ts';
import { Replicator } from './replicator/replicator.ts';
import { readUnsent } from './uploads/unsent-file.ts';

export type StaffDevice = ReturnType<typeof startStaffDevice>;

/** How access ended: why, whether the device was wiped, and how many changes were unsent. */
export type DeviceEnd = { reason: EndReason; wiped: boolean; unsent: number };

/** A pull that brought something starts a cycle this much later, so the batch lands first. */
const cycleDelayMs = 500;
/**
 * A pull's empty answer (the longpoll's heartbeat, every 10 s) starts a cycle only this long after
 * the last one. Documents that leave a view without a visible change (handed to someone else,
 * retention over) are found within it; asking on every heartbeat would cost the server a scan of
 * every request per volunteer device every 10 s (evictions.ts, retention).
 */
const quietCycleMs = 60_000;

/**
 * `userId` is the account's id (a UUID), which names the device's databases (device-db.ts);
 * `model`, the read model when the page opened it first (device-session.svelte.ts).
 */
export function startStaffDevice(
  userId: string,
  origin = globalThis.location?.origin ?? '',
  onEnd?: (end: DeviceEnd) => void,
  model?: ReadModelDb,
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCycle = 0;
  let stopped = false;
  let ended: Promise<DeviceEnd> | null = null;
  const soon = () => {
    // Not during the first sync: every page of it would ask, and there is nothing to purge yet.
    if (stopped || !sync.snapshot.initialSync.finished) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      lastCycle = Date.now();
      void cycle.run();
    }, cycleDelayMs);
  };
  const quietly = () => {
    if (Date.now() - lastCycle >= quietCycleMs) soon();
  };
  const dbs: DeviceDbs = openDeviceDbs(userId, origin, quietly, model);
  const sync = new Replicator({
    userId,
    local: dbs.local,
    remote: dbs.remote,
    onPulled: (ids) => cycle.pulled(ids),
    othersRead: () => readModel.idle(),
    onCaughtUp: soon,
    onAccessEnded: (reason) => void endAccess(reason),
  });
  // The read model's pages of the local changes feed are the upload count's too: read once.
  const readModel = followChanges(dbs.local, dbs.model, sync.observe);

  /** Purges documents that left this user's view; refusals of them are dropped too. */
  async function purge(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const purged = await purgeFromDevice(dbs.local, dbs.model, ids);
    // A read-model batch read before the purge may write its rows back: remove them once idle.
    await readModel.idle();
    await removeRows(dbs.model, ids);
    await sync.forget(purged);
    return purged;
  }

  /** Changes not on the server, counted afresh; `refused` are the ones the server will not take. */
  async function unsent(): Promise<{ all: number; refused: number }> {
    await sync.refresh();
    return { all: sync.snapshot.pendingUploads, refused: sync.snapshot.denied.length };
  }

  const cycle = evictionCycle({
    local: dbs.local,
    remote: dbs.remote,
    origin,
    uploadable: async () => {
      const { all, refused } = await unsent();
      return all - refused;
    },
    purge,
    // Its own 401 may follow a 403 another request met (which cleared the cookie): disabled.
    onEnd: (reason) => void endAccess(wasRefused(dbs.remote) ? 'disabled' : reason),
  });

  async function stopAll(): Promise<void> {
    stopped = true;
    clearTimeout(timer);
    cycle.stop();
    await sync.stop();
    readModel.stop();
    // A batch still being projected would otherwise meet the read model closed by a wipe.
    await readModel.idle();
  }

  function endAccess(reason: EndReason): Promise<DeviceEnd> {
    ended ??= (async () => {
      const { all } = await unsent();
      await stopAll();
      const wiped = reason === 'disabled' || all === 0;
      if (wiped) await wipe(userId, dbs);
      const end = { reason, wiped, unsent: all };
      onEnd?.(end);
      return end;
    })();
    return ended;
  }

  sync.start();

  return {
    dbs,
    readModel,
    /** The replicator's snapshots (a Svelte store: the sync status is a view of it). */
    snapshots: { subscribe: sync.subscribe },
    /** Counts uploads again, after a local write in this tab. */
    refresh: sync.refresh,
    purge,
    /** What has not reached the server, as documents with their histories (unsent-file.ts). */
    unsentDocs: async () => {
      const unsent = await sync.unsent();
      return unsent ? readUnsent(dbs.local, unsent) : null;
    },
    /** One eviction cycle now (it also runs after every pull). */
    evict: () => cycle.run(),
    /**
     * Sign-out wipes the device only once everything on it is on the server, counted afresh, unless
     * the user, warned, chooses to lose what is unsent (`force`).
     */
    async signOut({ force = false } = {}): Promise<'wiped' | 'unsent'> {
      // Access already ended and the device was wiped: nothing is left to wipe.
      if ((await ended)?.wiped) return 'wiped';
      await sync.refresh();
      if (!force && !sync.snapshot.everythingOnServer) return 'unsent';
      await stopAll();
      await wipe(userId, dbs);
      return 'wiped';
    },
  };
}
