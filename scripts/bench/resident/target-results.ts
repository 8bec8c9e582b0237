/** Everything measured for one build (the working tree's, or the baseline's). */
import type { FirstVisitJs } from './first-visit-js.ts';
import type { LighthousePage } from './lighthouse-runs.ts';
import type { Measured } from '../common/measured.ts';
import type { PrecacheOnDisk } from './precache-manifest.ts';
import type { ServiceWorkerDownloads } from './service-worker-downloads.ts';

export type TargetResults = {
  name: 'current' | 'baseline';
  /** What was built, for the column header and the JSON. */
  label: string;
  firstVisitJs: Measured<FirstVisitJs>;
  precacheOnDisk: Measured<PrecacheOnDisk>;
  serviceWorker: Measured<ServiceWorkerDownloads>;
  lighthouse: Measured<LighthousePage[]>;
};
