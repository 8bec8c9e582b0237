/**
 * The figures the bench reports: how each is read out of a target's results, formatted, judged
 * against its goal, and which command produced it.
 */
import { firstQuestionPath, startPath, type JsDownload } from './first-visit-js.ts';
import { formatBytes } from '../common/downloads/gzip-size.ts';
import type { LighthouseFigures } from './lighthouse-runs.ts';
import { valueOf } from '../common/measured.ts';
import type { TargetResults } from './target-results.ts';

export type Figure = {
  figure: string;
  /** Key into the commands printed under the table. */
  command: number;
  pick(target: TargetResults): number | undefined;
  format(value: number): string;
  goal?: { text: string; met(value: number): boolean };
};

export const jsBudgetBytes = 60_000;
export const lighthousePaths = [startPath, firstQuestionPath] as const;

export function commands(origin: string, lighthouseCommand: (url: string) => string): string[] {
  const chromium = 'Playwright driving /usr/bin/chromium';
  return [
    `the server: STATIC_DIR=<copy of build/> DATA_DIR=<temp> PORT=0 HOST=127.0.0.1 npx tsx sync-server/start.ts (${origin})`,
    `scripts/bench/resident/first-visit-js.ts: ${chromium}, new context (empty cache, service workers blocked), goto ${startPath} until network idle; every JS response of the page, each body gzipped with zlib level 9; transferred = encoded body bytes as served (headers not counted)`,
    `scripts/bench/resident/first-visit-js.ts: as [1], then click a[href="${firstQuestionPath}"] and wait for ${firstQuestionPath} and 500 ms without requests; JS of both pages, each file once`,
    `scripts/bench/resident/first-visit-js.ts: /pouchdb/i over every JS body downloaded in [2]`,
    `scripts/bench/resident/precache-manifest.ts: the precacheAndRoute([{url, revision}, …]) array in build/sw.js; each named file read from disk, gzipped with zlib level 9`,
    `scripts/bench/resident/service-worker-downloads.ts: ${chromium}, new context, goto ${startPath}, await navigator.serviceWorker.ready, then 500 ms quiet; every request whose request.serviceWorker() is set`,
    ...lighthousePaths.map(
      (p) => `${lighthouseCommand(origin + p)}  (median of the runs, figure by figure)`,
    ),
  ];
}

const bytes = (value: number) => formatBytes(value);
const count = (value: number) => value.toLocaleString('en-GB');
const budget = { text: `≤ ${jsBudgetBytes / 1000} KB`, met: (v: number) => v <= jsBudgetBytes };

const js = (pick: (download: JsDownload) => number, journey: boolean) => (t: TargetResults) => {
  const visit = valueOf(t.firstVisitJs);
  const download = journey ? visit?.journey : visit?.startPage;
  return download ? pick(download) : undefined;
};

function lighthouseFigures(path: string, command: number): Figure[] {
  const pick = (key: keyof LighthouseFigures) => (t: TargetResults) => {
    const page = valueOf(t.lighthouse)?.find((p) => p.path === path);
    return page && page.runs.length > 0 ? page.median[key] : undefined;
  };
  const score = (value: number) => String(value);
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    {
      figure: `Lighthouse ${path}: performance`,
      command,
      pick: pick('performance'),
      format: score,
      goal: { text: '≥ 95', met: (v) => v >= 95 },
    },
    {
      figure: `Lighthouse ${path}: accessibility`,
      command,
      pick: pick('accessibility'),
      format: score,
      goal: { text: '100', met: (v) => v >= 100 },
    },
    {
      figure: `Lighthouse ${path}: best practices`,
      command,
      pick: pick('best-practices'),
      format: score,
    },
    { figure: `Lighthouse ${path}: FCP`, command, pick: pick('fcpMs'), format: ms },
    { figure: `Lighthouse ${path}: LCP`, command, pick: pick('lcpMs'), format: ms },
    { figure: `Lighthouse ${path}: TBT`, command, pick: pick('tbtMs'), format: ms },
    { figure: `Lighthouse ${path}: CLS`, command, pick: pick('cls'), format: (v) => v.toFixed(3) },
  ];
}

export const figures: Figure[] = [
  {
    figure: `First-visit JS, ${startPath} (gzip -9)`,
    command: 1,
    pick: js((d) => d.gzipBytes, false),
    format: bytes,
    goal: budget,
  },
  {
    figure: `  … transferred as served`,
    command: 1,
    pick: js((d) => d.transferredBytes, false),
    format: bytes,
  },
  { figure: `  … files`, command: 1, pick: js((d) => d.count, false), format: count },
  {
    figure: `Journey JS, ${startPath} → ${firstQuestionPath} (gzip -9)`,
    command: 2,
    pick: js((d) => d.gzipBytes, true),
    format: bytes,
    goal: budget,
  },
  {
    figure: `  … transferred as served`,
    command: 2,
    pick: js((d) => d.transferredBytes, true),
    format: bytes,
  },
  { figure: `  … files`, command: 2, pick: js((d) => d.count, true), format: count },
  {
    figure: 'PouchDB in the journey JS',
    command: 3,
    pick: js((d) => d.pouchdbFiles.length, true),
    format: (v) => (v === 0 ? 'none' : `${v} file(s)`),
    goal: { text: 'none', met: (v) => v === 0 },
  },
  {
    figure: 'Precache entries',
    command: 4,
    pick: (t) => valueOf(t.precacheOnDisk)?.entries,
    format: count,
  },
  {
    figure: 'Precache on disk, raw',
    command: 4,
    pick: (t) => valueOf(t.precacheOnDisk)?.rawBytes,
    format: bytes,
  },
  {
    figure: 'Precache on disk, gzip -9',
    command: 4,
    pick: (t) => valueOf(t.precacheOnDisk)?.gzipBytes,
    format: bytes,
  },
  {
    figure: 'SW install: requests',
    command: 5,
    pick: (t) => valueOf(t.serviceWorker)?.count,
    format: count,
  },
  {
    figure: 'SW install: bytes received (raw)',
    command: 5,
    pick: (t) => valueOf(t.serviceWorker)?.rawBytes,
    format: bytes,
  },
  {
    figure: 'SW install: transferred over network',
    command: 5,
    pick: (t) => valueOf(t.serviceWorker)?.transferredBytes,
    format: bytes,
  },
  {
    figure: 'SW install: served from HTTP cache',
    command: 5,
    pick: (t) => valueOf(t.serviceWorker)?.fromHttpCache,
    format: count,
  },
  ...lighthousePaths.flatMap((path, i) => lighthouseFigures(path, 6 + i)),
];
