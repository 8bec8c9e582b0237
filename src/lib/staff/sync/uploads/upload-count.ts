/**
 * Counting what is waiting to upload, for the sync snapshot: the replicator's parts tell it what
 * was pulled, pushed, acknowledged, refused or confirmed (the ledger, upload-ledger.ts, keeps the
 * facts), and it counts again and reports the count (`onCount`).
 *
 * One count at a time, and at most one waiting: every caller gets a count that starts after its
 * call. The local changes feed asks once per document written, a thousand times per pulled batch,
 * and all those asks are answered by the one count that waits.
 */
import type { SyncSnapshot } from '../status/sync-snapshot.ts';
import type { ChangesPage } from '../../data/model/read-model.ts';
import { UploadLedger } from './upload-ledger.ts';

type Docs = { _id: string; _rev?: string }[];
export type UploadCountSnapshot = Pick<
  SyncSnapshot,
  'pendingUploads' | 'denied' | 'everythingOnServer'
>;

export type UploadCounterOptions = {
  onCount: (count: UploadCountSnapshot) => void;
  /**
   * Resolves once the other reader of the local changes feed (the read model) has read what is
   * there now and handed it over (`observe`): a count waits for it, and reads only what is left.
   */
  othersRead?: () => Promise<unknown>;
};

export class UploadCounter {
  readonly #local: PouchDB.Database;
  readonly #ledger: UploadLedger;
  readonly #options: UploadCounterOptions;
  #counting: Promise<void> = Promise.resolve();
  #waiting: Promise<void> | null = null;
  #last: UploadCountSnapshot = { pendingUploads: 0, denied: [], everythingOnServer: false };

  constructor(local: PouchDB.Database, options: UploadCounterOptions) {
    this.#local = local;
    this.#ledger = new UploadLedger(local);
    this.#options = options;
  }

  /** The latest count (none yet: nothing pending, and not "everything on the server"). */
  get last(): UploadCountSnapshot {
    return this.#last;
  }

  load(): Promise<void> {
    return this.#ledger.load();
  }

  /** Counts again after every local change, until the returned feed is cancelled. */
  follow(): { cancel(): void } {
    return this.#local
      .changes({ since: 'now', live: true })
      .on('change', () => void this.recount());
  }

  recount(): Promise<void> {
    this.#waiting ??= this.#counting = this.#counting
      .then(async () => {
        this.#waiting = null;
        await this.#options.othersRead?.();
        const { pending, denied } = await this.#ledger.count();
        const shown = denied.map(({ id, reason }) => ({ id, reason }));
        this.#last = { pendingUploads: pending, denied: shown, everythingOnServer: pending === 0 };
        this.#options.onCount(this.#last);
      })
      .catch((e: unknown) => console.error('counting uploads failed', e));
    return this.#waiting;
  }

  /** The unsent revisions, by document (upload-ledger.ts `unsent`). */
  unsent(): Promise<Map<string, string[]>> {
    return this.#ledger.unsent();
  }

  /** Revisions the server sent: on the server. */
  pulled(docs: Docs): void {
    this.#ledger.pulled(docs);
    void this.recount();
  }

  /** Revisions the push sent: on the server, and no longer refused. */
  pushed(docs: Docs): void {
    this.#ledger.pushed(docs);
    void this.recount();
  }

  /** The push wrote and checkpointed everything up to `seq`. */
  acknowledged(seq: string | number): void {
    void this.#ledger.acknowledged(seq).then(
      () => this.recount(),
      () => {},
    );
  }

  /** The server refused the local leaf of `id`. */
  denied(id: string, reason: string): void {
    void this.#ledger.denied(id, reason).then(
      () => this.recount(),
      () => {},
    );
  }

  /** Asks the server which pending revisions it has already (both directions caught up). */
  confirm(remote: PouchDB.Database): void {
    void this.#ledger.confirm(remote).then(
      () => this.recount(),
      () => {},
    );
  }

  /** A page of the local changes feed read by someone else (read-model.ts `ChangesPage`). */
  observe(page: ChangesPage): void {
    this.#ledger.observe(page);
  }

  /** Drops refusals of documents purged from the device, and counts again. */
  forget(ids: string[]): Promise<void> {
    this.#ledger.forget(ids);
    return this.recount();
  }
}
