/**
 * The volunteer bench's figures, each printed with its goal, what exactly was measured and the
 * command, and returned for the results file.
 */
import { formatBytes } from '../common/downloads/gzip-size.ts';
import type { Measured } from '../common/measured.ts';
import { spread, type Spread } from '../sync/load/percentiles.ts';
import type { FirstLoad, JsStep } from './first-load-js.ts';
import { shownAtFirst, type TaskListTimes } from './task-list-marker.ts';
import { throttleRate } from './volunteer-device.ts';
import type { VolunteerWorld } from './volunteer-world.ts';

export type Loads = { holder: TaskListTimes[]; empty: TaskListTimes[] };

const command = 'npm run bench -- volunteer';
const goalBytes = 170_000;
const goalMs = 1000;
const mark = (met: boolean) => (met ? '✓ met' : '✗ MISSED');
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(6)} KB`;
const ms = (v: number) => `${v.toFixed(0)} ms`;
const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

const stepLine = (s: JsStep) =>
  `      ${kb(s.gzipBytes)} (PouchDB ${kb(s.pouchdb.gzipBytes).trim()}, Leaflet ${kb(s.leaflet.gzipBytes).trim()}) in ${files(s.count)}  ${s.step}`;

export function printFirstLoad(measured: Measured<FirstLoad>) {
  console.log(`\n  a. JavaScript for a volunteer's first load, gzip -9 (${command})`);
  if (!measured.ok) {
    console.log(`      not measured: ${measured.error}`);
    return null;
  }
  const { steps, coldStart } = measured.value;
  const all = steps[steps.length - 1]!;
  console.log(`      ${formatBytes(all.gzipBytes)} in ${files(all.count)}`);
  console.log(`      goal ≤ ${goalBytes / 1000} KB  ${mark(all.gzipBytes <= goalBytes)}`);
  console.log(
    `      of which PouchDB ${formatBytes(all.pouchdb.gzipBytes)} (${files(all.pouchdb.count)} holding it, ` +
      `whole chunks), Leaflet ${formatBytes(all.leaflet.gzipBytes)} (${files(all.leaflet.count)}; no map screen was opened)`,
  );
  console.log('      by step, everything fetched so far:');
  for (const s of steps) console.log(stepLine(s));
  const shown = 12;
  console.log(`      largest ${Math.min(shown, all.count)} files (gzip -9, served, raw):`);
  for (const f of all.files.slice(0, shown)) {
    const what = [f.mentionsPouchdb ? 'POUCHDB' : '', f.holdsLeaflet ? 'LEAFLET' : ''].join(' ');
    console.log(
      `      ${kb(f.gzipBytes)} ${kb(f.transferredBytes)} ${kb(f.rawBytes)}  ${f.path} ${what}`.trimEnd(),
    );
  }
  const rest = all.files.slice(shown);
  if (rest.length > 0)
    console.log(
      `      ${kb(rest.reduce((sum, f) => sum + f.gzipBytes, 0))} in the other ${files(rest.length)}`,
    );
  console.log(
    '      measured: every JS response of a fresh context (no HTTP cache, service worker blocked), once each',
  );
  console.log(
    "      the app's own start on a device holding its data (not the goal's figure: a first sign-in must sync):",
  );
  console.log(stepLine(coldStart.beforeList));
  console.log(stepLine(coldStart.afterList));
  return {
    gzipBytes: all.gzipBytes,
    pouchdbGzipBytes: all.pouchdb.gzipBytes,
    leafletGzipBytes: all.leaflet.gzipBytes,
    met: all.gzipBytes <= goalBytes,
    steps: steps.map(({ files: f, ...rest }) => ({ ...rest, files: f.map((x) => x.path) })),
    files: all.files,
    coldStart: {
      beforeList: { ...coldStart.beforeList, files: coldStart.beforeList.files.map((x) => x.path) },
      afterList: { ...coldStart.afterList, files: coldStart.afterList.files.map((x) => x.path) },
    },
  };
}

type Figures = { shown: Spread; rows: Spread; fcp: Spread };

const figuresOf = (loads: TaskListTimes[]): Figures => ({
  shown: spread(loads.map((l) => l.shownMs)),
  rows: spread(loads.map((l) => l.rowsMs)),
  fcp: spread(loads.map((l) => l.firstContentfulPaintMs ?? Number.NaN)),
});

export function printTaskList(measured: Measured<Loads>, world: VolunteerWorld) {
  const tasks = world.holder.tasks;
  console.log(
    `\n  b. App start to the task list, ${tasks} tasks on the device, offline, ${throttleRate}× CPU throttling (${command})`,
  );
  if (!measured.ok) {
    console.log(`      not measured: ${measured.error}`);
    return null;
  }
  const holder = figuresOf(measured.value.holder);
  const empty = figuresOf(measured.value.empty);
  const line = (f: Figures) =>
    `p95 ${ms(f.shown.p95)} (p50 ${ms(f.shown.p50)}, max ${ms(f.shown.max)}, n=${f.shown.count})`;
  console.log(`      ${line(holder)}`);
  console.log(`      goal ≤ 1 s at p95  ${mark(holder.shown.p95 <= goalMs)}`);
  console.log(
    `      baseline, the same page with no tasks (${world.empty.username}), taking turns: ${line(empty)}`,
  );
  console.log(
    `      the first ${shownAtFirst(tasks)} of ${tasks} rows in the DOM p50 ${ms(holder.rows.p50)} (no tasks: the empty list, p50 ${ms(empty.rows.p50)}); ` +
      `first contentful paint p50 ${ms(holder.fcp.p50)} (${ms(empty.fcp.p50)})`,
  );
  console.log(
    `      timed: navigation start → the frame drawing the list's first page (${shownAtFirst(tasks)} cards, then 'Show 50 more') has been drawn ` +
      '(performance.now() in the page), a fresh load of /cy/staff/requests each time, served by the service worker',
  );
  return { holder, empty, met: holder.shown.p95 <= goalMs, loads: measured.value };
}
