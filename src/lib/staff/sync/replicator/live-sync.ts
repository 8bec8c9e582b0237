/**
 * The live two-way sync that follows the first sync, and what its events mean for the upload
 * count: a pushed batch is on the server once its checkpoint is written, a pulled one came from
 * it, a refused document stays pending and listed, and a pause without error means both
 * directions caught up. It runs until it fails or is cancelled; the replicator decides what next.
 */
import { deniedReason } from '../status/sync-snapshot.ts';
import type { UploadCounter } from '../uploads/upload-count.ts';
import { settled, type Outcome, type Running } from './run-outcome.ts';

type Docs = PouchDB.Core.ExistingDocument<object>[];

export type LiveSyncOptions = {
  local: PouchDB.Database;
  /** The remote as the replications see it (refusal-watch.ts). */
  server: PouchDB.Database;
  batchSize: number;
  /** Where the push starts (first-sync.ts `pushStart`), or null for its checkpoint. */
  pushFrom: number | string | null;
  uploads: Pick<UploadCounter, 'pushed' | 'acknowledged' | 'denied'>;
  /** Documents the pull stored. */
  onPulled: (docs: Docs) => void;
  /** Both directions caught up without error. */
  onCaughtUp: () => void;
  onRunning: (run: Running) => void;
};

// The push's `checkpoint` event follows a successful `_bulk_docs` and checkpoint write.
type Checkpoints = { on(e: 'checkpoint', f: (e: { checkpoint?: string | number }) => void): void };

export function liveSync(options: LiveSyncOptions): Promise<Outcome> {
  const { uploads, pushFrom } = options;
  const sync = options.local.sync(options.server, {
    live: true,
    retry: false,
    batch_size: options.batchSize,
    batches_limit: 2,
    ...(pushFrom === null ? {} : { push: { since: pushFrom } }),
  });
  options.onRunning(sync);
  const push = (sync as unknown as { push: Checkpoints }).push;
  push.on('checkpoint', (e) => {
    if (e.checkpoint !== undefined) uploads.acknowledged(e.checkpoint);
  });
  void sync.on('change', ({ direction, change }) => {
    if (direction === 'push') uploads.pushed(change.docs);
    else options.onPulled(change.docs);
  });
  void sync.on('denied', (e) => {
    const { direction, doc } = e as unknown as { direction: string; doc: { id?: string } };
    if (direction === 'push' && doc.id) uploads.denied(doc.id, deniedReason(doc));
  });
  // 'paused' without error: both directions caught up. It says nothing of the first sync, which
  // first-sync.ts alone finishes (the live sync's first pause can come before anything is pulled).
  void sync.on('paused', (error) => {
    if (!error) options.onCaughtUp();
  });
  return settled(sync);
}
