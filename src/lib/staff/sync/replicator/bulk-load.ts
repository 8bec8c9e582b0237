/**
 * A device's first sync without the replicator's round trips: the user's documents are read a page
 * at a time from the server's filtered `_all_docs` (one compressed answer per page, no `_changes`,
 * `_revs_diff` or `_bulk_get`) and stored with `new_edits: false`, as the replicator stores what it
 * pulls, keeping the server's revisions. The sequence the server named BEFORE the first page is
 * where the ordinary pull then starts (`replicate.from(remote, { since })`, which writes that
 * checkpoint, so the live sync goes on from it): whatever changed while the pages were read comes
 * with that pull, and a revision already stored from a page is not fetched again.
 *
 * Only winners are read: conflicts are settled on the server (conflicts.ts), and deleted documents
 * are nothing a fresh device needs.
 */
export type BulkLoadOptions = {
  local: PouchDB.Database;
  remote: PouchDB.Database;
  /** The server's sequence, if the caller has just read it (saves asking `/db` twice). */
  since?: string | number;
  pageSize?: number;
  /** Each page once it is stored. */
  onPage?: (docs: PouchDB.Core.ExistingDocument<object>[]) => void;
  signal?: AbortSignal;
};

export type BulkLoadResult = {
  /** The server's sequence before the first page: where the pull goes on from. */
  since: string | number;
  docs: number;
  /** False when `signal` aborted it: nothing to go on from. */
  complete: boolean;
};

type Page = PouchDB.Core.AllDocsResponse<object>;

export async function bulkLoad(options: BulkLoadOptions): Promise<BulkLoadResult> {
  const { local, remote, pageSize = 2000, onPage, signal } = options;
  const since = options.since ?? (await remote.info()).update_seq;
  const read = (after?: string): Promise<Page> =>
    remote.allDocs({
      include_docs: true,
      limit: pageSize,
      ...(after === undefined ? {} : { startkey: after, skip: 1 }),
    });
  let docs = 0;
  let next: Promise<Page> | null = read();
  while (next !== null) {
    const page: Page = await next;
    const last = page.rows.at(-1);
    // The next page is asked for while this one is stored: the server's work overlaps the device's.
    next = page.rows.length < pageSize || last === undefined ? null : read(last.id);
    // Settled now, so an abandoned next page (aborted below) is not an unhandled rejection.
    next?.catch(() => undefined);
    if (signal?.aborted) return { since, docs, complete: false };
    const stored = page.rows.flatMap((row) => (row.doc ? [row.doc] : []));
    if (stored.length > 0) await local.bulkDocs(stored, { new_edits: false });
    docs += stored.length;
    onPage?.(stored);
  }
  return { since, docs, complete: true };
}
