/**
 * The sync status as runes (STYLE.md, "Svelte 5"): `status.current` is the latest snapshot the
 * replication (or, in other tabs, its broadcast) reported. Handed down with a context pair.
 */
import { getContext, setContext } from 'svelte';
import type { ChangesPage } from './replica/read-model.ts';
import { startReplication, type ReplicationOptions } from './replicator/replicator.ts';
import { initialSnapshot, type SyncSnapshot } from './sync-snapshot.ts';

export class SyncStatus {
  #current = $state<SyncSnapshot>(initialSnapshot());
  #replication: ReturnType<typeof startReplication> | null = null;

  get current(): SyncSnapshot {
    return this.#current;
  }

  start(options: Omit<ReplicationOptions, 'onState'>): void {
    if (this.#replication) return;
    this.#replication = startReplication({ ...options, onState: (s) => (this.#current = s) });
  }

  /** Counts again after a local write; drops refusals of purged documents. */
  refresh = () => this.#replication?.refresh();
  /** Hands a page of the local changes feed to the upload count (read-model.ts `ChangesPage`). */
  observe = (page: ChangesPage) => this.#replication?.observe(page);
  forget = (ids: string[]) => this.#replication?.forget(ids);

  async stop(): Promise<void> {
    await this.#replication?.stop();
    this.#replication = null;
  }
}

const key = Symbol('sync-status');
export const setSyncStatusContext = (status: SyncStatus) => setContext(key, status);
export const getSyncStatusContext = () => getContext<SyncStatus>(key);
