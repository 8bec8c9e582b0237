/**
 * The sync status as runes: a read-only view of the replicator's snapshots.
 * `status.current` is the latest one the replicator published: its own while this tab leads, the
 * leader's broadcast otherwise. It starts and stops nothing: the device does (device.ts), and
 * hands out what else of the replicator a page needs (`refresh`). Handed down with a context pair.
 * A page draws its first screen from the read model before the replica is opened
 * (device-session.svelte.ts): until then `known` is false and `current` says nothing true yet.
 */
import { getContext, setContext } from 'svelte';
import { initialSnapshot, type SyncSnapshot } from './sync-snapshot.ts';

/** Where snapshots come from: a Svelte store (the replicator, replicator/replicator.ts). */
export type SnapshotSource = {
  subscribe(listener: (snapshot: SyncSnapshot) => void): () => void;
};

export class SyncStatus {
  #current = $state<SyncSnapshot>(initialSnapshot());
  #known = $state(false);

  constructor(source?: SnapshotSource) {
    if (source) this.follow(source);
  }

  /** Follows the replicator, once the device has one. */
  follow(source: SnapshotSource): void {
    // For the life of the page: the device's replicator outlives every screen that shows it.
    source.subscribe((snapshot) => {
      this.#current = snapshot;
      this.#known = true;
    });
  }

  get current(): SyncSnapshot {
    return this.#current;
  }

  /** Whether `current` is the replicator's: false until the device has started. */
  get known(): boolean {
    return this.#known;
  }
}

const key = Symbol('sync-status');
export const setSyncStatusContext = (status: SyncStatus) => setContext(key, status);
export const getSyncStatusContext = () => getContext<SyncStatus>(key);
