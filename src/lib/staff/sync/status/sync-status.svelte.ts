/**
 * The sync status as runes: a read-only view of the replicator's snapshots.
 * `status.current` is the latest one the replicator published: its own while this tab leads, the
 * leader's broadcast otherwise. It starts and stops nothing: the device does (device.ts), and
 * hands out what else of the replicator a page needs (`refresh`). Handed down with a context pair.
 */
import { getContext, setContext } from 'svelte';
import { initialSnapshot, type SyncSnapshot } from './sync-snapshot.ts';

/** Where snapshots come from: a Svelte store (the replicator, replicator/replicator.ts). */
export type SnapshotSource = {
  subscribe(listener: (snapshot: SyncSnapshot) => void): () => void;
};

export class SyncStatus {
  #current = $state<SyncSnapshot>(initialSnapshot());

  constructor(source: SnapshotSource) {
    // For the life of the page: the device's replicator outlives every screen that shows it.
    source.subscribe((snapshot) => (this.#current = snapshot));
  }

  get current(): SyncSnapshot {
    return this.#current;
  }
}

const key = Symbol('sync-status');
export const setSyncStatusContext = (status: SyncStatus) => setContext(key, status);
export const getSyncStatusContext = () => getContext<SyncStatus>(key);
