/** Everything the sync bench measured, per server (the working tree's, a baseline's) and shared. */
import type { Measured } from '../common/measured.ts';
import type { FloorResult } from './first-sync/browser/bench-page.ts';
import type { BatchSettings, SyncRun } from './first-sync/browser-sync.ts';
import type { ConcurrentSyncs } from './load/concurrent-syncs.ts';
import type { LivePropagation } from './load/live-propagation.ts';

export type Who = 'volunteer' | 'coordinator';

export type SyncTarget = {
  name: 'current' | 'baseline';
  label: string;
  app: Record<Who, Measured<SyncRun>>;
  concurrent: Measured<ConcurrentSyncs>;
  live: Measured<LivePropagation>;
};

/** The same documents from the plain server, and the floor: one of each per run. */
export type Reference = {
  plain: Record<Who, Measured<SyncRun>>;
  floor: Record<Who, Measured<FloorResult>>;
};

export type BatchVariant = { settings: BatchSettings; runs: Record<Who, Measured<SyncRun>> };

export type SyncResults = {
  views: Record<Who, { username: string; visibleDocs: number }>;
  targets: SyncTarget[];
  reference: Reference;
  batchVariants: BatchVariant[];
};
