/**
 * The batch settings the app replicates with, read from its source (src/lib/staff/sync/
 * replicator/: the starting batch size in replicator.ts, the batches in hand in live-sync.ts) so that the plain server's stock client is compared at the same settings and the
 * report names them even after they change.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../../common/repo-root.ts';
import type { BatchSettings } from './browser-sync.ts';

export async function appBatchSettings(root = repoRoot): Promise<BatchSettings> {
  const dir = path.join(root, 'src/lib/staff/sync/replicator');
  const replicator = await readFile(path.join(dir, 'replicator.ts'), 'utf8');
  const liveSync = await readFile(path.join(dir, 'live-sync.ts'), 'utf8');
  const size = /batchSize \?\? (\d+)/.exec(replicator)?.[1];
  const limit = /batches_limit:\s*(\d+)/.exec(liveSync)?.[1];
  if (!size || !limit)
    throw new Error('could not read batch_size and batches_limit from replicator/');
  return { batch_size: Number(size), batches_limit: Number(limit) };
}

/** `BENCH_SYNC_BATCHES="100x10,500x2"`: the settings to compare against Cymorth's server. */
export function batchVariants(raw: string | undefined): BatchSettings[] {
  const text = raw?.trim() || '500x2,1000x2,2000x2';
  return text.split(',').map((part) => {
    const match = /^(\d+)x(\d+)$/.exec(part.trim());
    if (!match)
      throw new Error(`BENCH_SYNC_BATCHES: "${part}" is not <batch_size>x<batches_limit>`);
    return { batch_size: Number(match[1]), batches_limit: Number(match[2]) };
  });
}
