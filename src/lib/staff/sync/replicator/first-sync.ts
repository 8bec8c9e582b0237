/**
 * A device's first sync (docs/architecture.md, "What we know about sync speed"). It pulls only: a
 * two-way sync would send every pulled revision back to the server's `_revs_diff` as it arrives
 * (twice the bytes down, and three times as slow). It loads the user's documents in pages first
 * (bulk-load.ts: no `_changes`, `_revs_diff` or `_bulk_get` round per batch), then pulls from the
 * sequence the server named before the first page, which brings whatever changed meanwhile and
 * leaves the checkpoint the live sync goes on from. The first sync is finished only when that pull
 * has completed; the flag is a `_local` document, so it never replicates and goes with the replica
 * when it is wiped. Local writes made meanwhile upload with the live sync that follows.
 */
import { endReasonOf } from '../eviction/eviction-plan.ts';
import { errorStatus, firstPullCompleted, type SyncSnapshot } from '../status/sync-snapshot.ts';
import type { UploadCountSnapshot } from '../uploads/upload-count.ts';
import { bulkLoad } from './bulk-load.ts';
import type { Refusal } from '../replica/refusal-watch.ts';
import { settled, type Outcome, type Running } from './run-outcome.ts';

/** Written once the first sync has completed; its absence means one is still to do. */
import { initialSyncId } from '../replica/local-doc-ids.ts';

type Docs = PouchDB.Core.ExistingDocument<object>[];

export type FirstSyncOptions = {
  local: PouchDB.Database;
  /** The remote as the replications see it, and the refusal it met (refusal-watch.ts). */
  server: PouchDB.Database;
  refusal: () => Refusal | null;
  batchSize: number;
  signal: AbortSignal;
  /** The progress so far: an earlier attempt's count goes on. */
  progress: SyncSnapshot['initialSync'];
  onProgress: (progress: SyncSnapshot['initialSync']) => void;
  /** Documents stored, a page or a batch at a time. */
  onPulled: (docs: Docs) => void;
  /** The pull under way, to be cancelled (back online, stopped); null once it has ended. */
  onRunning: (run: Running | null) => void;
};

export async function hasFirstSynced(local: PouchDB.Database): Promise<boolean> {
  return (await local.get(initialSyncId).catch(() => null)) !== null;
}

/**
 * `/db`'s document count, or the 401/403 that ends access. The first 403 of a disabled account
 * also clears its cookie, so the error must not be dropped here: every later request is a 401,
 * which would pass the disabled account off as an ended session (and keep what it held).
 */
async function serverInfo(
  options: FirstSyncOptions,
): Promise<{ total?: number; seq?: number | string; error?: unknown }> {
  try {
    const info = await options.server.info();
    const refusal = options.refusal();
    return refusal ? { error: refusal } : { total: info.doc_count, seq: info.update_seq };
  } catch (error) {
    return endReasonOf(errorStatus(error)) === null ? {} : { error };
  }
}

/** Runs the first sync once: completed (flag written), failed, or cancelled (`signal`, online). */
export async function firstSync(
  options: FirstSyncOptions,
): Promise<Outcome & { cancelled?: boolean }> {
  const { local, server, signal, onProgress, onPulled } = options;
  const done0 = options.progress.done;
  const { total, seq, error: ending } = await serverInfo(options);
  if (ending !== undefined) return { error: ending };
  let progress = { done: done0, total, finished: false };
  onProgress(progress);
  if (signal.aborted) return { cancelled: true };
  let loadedDocs = 0;
  let loaded: Awaited<ReturnType<typeof bulkLoad>>;
  try {
    loaded = await bulkLoad({
      local,
      remote: server,
      ...(seq === undefined ? {} : { since: seq }),
      // With the next page asked for while one is stored, two are in hand at once, as the
      // replicator holds two batches (batches_limit).
      pageSize: options.batchSize,
      signal,
      onPage: (docs) => {
        onPulled(docs);
        loadedDocs += docs.length;
        onProgress((progress = { ...progress, done: done0 + loadedDocs }));
      },
    });
  } catch (error) {
    return { error: options.refusal() ?? error };
  }
  if (!loaded.complete) return { cancelled: true };
  const pull = local.replicate.from(server, {
    since: loaded.since,
    retry: false,
    batch_size: options.batchSize,
    batches_limit: 2,
  });
  options.onRunning(pull);
  void pull.on('change', (info) => {
    onPulled(info.docs);
    onProgress((progress = { ...progress, done: done0 + loadedDocs + info.docs_read }));
  });
  const { error, result } = await settled(pull);
  options.onRunning(null);
  if (error !== undefined) return { error };
  if (!firstPullCompleted(result)) return { cancelled: true };
  await local.put({ _id: initialSyncId, at: new Date().toISOString() }).catch(() => {});
  return {};
}

/**
 * Where the live sync's first push may start once the first sync is done: the local seq then,
 * when nothing local is waiting to upload, as everything up to it came from the server. Without
 * it the push would offer every pulled revision back to `_revs_diff` (20 requests, 2.5 MB up for
 * a coordinator). The seq is read BEFORE the count, so a write in between is counted (and then
 * nothing is skipped) or comes after the seq (and is pushed).
 */
export async function pushStart(
  local: PouchDB.Database,
  uploads: { recount(): Promise<void>; readonly last: UploadCountSnapshot },
): Promise<number | string | null> {
  const seq = (await local.info()).update_seq;
  await uploads.recount();
  return uploads.last.pendingUploads === 0 && uploads.last.denied.length === 0 ? seq : null;
}
