/**
 * The desk bench's figures, each printed with its target, its baseline from the same run and what
 * exactly was timed. The baselines:
 * - queue (first page, filter change, search): the old way (browser/old-queue.ts), the whole
 *   requests table read with `toArray()` and filtered, checked and sorted in JavaScript;
 * - catch-up: rebuilding the read model from scratch (`rebuild`: cleared, replayed from seq 0),
 *   and beside it what any read model fed from the replica pays: the replica's own write of the
 *   changes, reading them back and checking them, and IndexedDB writing the rows;
 * - ranking: the floor, the hard rules alone over the same candidates (no points, no sort);
 * - heap: the old way's live query holding every request row.
 */
import { spread, type Spread } from '../sync/load/percentiles.ts';
import type { CatchUpTimes, Timed } from './browser/desk-page.ts';

type QueueTimes = {
  firstPage: Timed[];
  filterChange: Timed[];
  filterChangeWithCounts: Timed[];
  search: Timed[];
};

export type DeskResults = {
  shape: { requests: number; volunteers: number; areas: number; seed: number; now: string };
  docs: number;
  requests: number;
  setup: { loadMs: number; buildMs: number };
  throttle: number;
  pageSize: number;
  indexed: QueueTimes;
  old: QueueTimes;
  catchUp: CatchUpTimes & { rebuildMs: number; rebuildThrottled: boolean };
  /** Queue cases whose answer differed between `queuePage` and the old way. */
  disagreements: string[];
  /** The machine's 1, 5 and 15 minute load averages as the run started and ended. */
  loadAverage: { before: string; after: string };
  ranking: { ranked: number[]; floor: number[]; eligiblePerRequest: number; candidates: number };
  heap: { emptyMb: number; deviceMb: number; oldMb: number };
};

const all = (timed: Timed[]): Spread => spread(timed.flatMap((t) => t.ms));
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const mb = (v: number) => `${v.toFixed(1)} MB`;
const mark = (met: boolean) => (met ? '✓ met' : '✗ MISSED');

function figure(
  name: string,
  value: string,
  target: string,
  met: boolean,
  base: string,
  timed: string,
) {
  console.log(`  ${name.padEnd(44)} ${value.padStart(9)}  target ${target.padEnd(9)} ${mark(met)}`);
  console.log(`      baseline: ${base}`);
  console.log(`      timed:    ${timed}`);
}

function queueFigure(name: string, key: keyof QueueTimes, r: DeskResults, timed: string) {
  const now = all(r.indexed[key]);
  const old = all(r.old[key]);
  figure(
    `${name}, p95 (n=${now.count})`,
    ms(now.p95),
    '≤ 30 ms',
    now.p95 <= 30,
    `old way (toArray, page and counts in JS) p95 ${ms(old.p95)} (n=${old.count}), ` +
      `${(old.p95 / now.p95).toFixed(1)}×; p50 ${ms(now.p50)} vs ${ms(old.p50)}`,
    timed,
  );
  for (const [i, t] of r.indexed[key].entries()) {
    const s = spread(t.ms);
    const o = spread(r.old[key][i]!.ms);
    const label = `${t.label} (${t.total.toLocaleString('en-GB')} rows)`;
    console.log(
      `        ${label.padEnd(46)} p95 ${ms(s.p95).padStart(9)}   old ${ms(o.p95).padStart(9)}`,
    );
  }
}

export function printDesk(r: DeskResults): void {
  const n = (v: number) => v.toLocaleString('en-GB');
  console.log(
    `\n  ${n(r.requests)} requests (${n(r.docs)} documents: requests, contacts, ${n(r.shape.volunteers)} ` +
      `volunteers, ${r.shape.areas} areas) in a coordinator's replica and read model; Chromium at ` +
      `${r.throttle}× CPU throttling. Setup, unthrottled: replica written in ${ms(r.setup.loadMs)}, ` +
      `read model built in ${ms(r.setup.buildMs)}.`,
  );
  console.log(
    `  load average (1, 5, 15 min) ${r.loadAverage.before} at the start, ${r.loadAverage.after} at the end ` +
      '(on a shared machine, wall-clock figures grow with it)',
  );
  console.log('  command: npm run bench -- desk\n');
  for (const d of r.disagreements) console.log(`  ✗ queuePage and the old way disagree: ${d}`);
  const q = `queuePage(model, coordinator, filters, ${r.pageSize}, now)`;
  queueFigure('first page of the queue', 'firstPage', r, q);
  queueFigure('a filter change', 'filterChange', r, q);
  queueFigure(
    'a filter change with its counts',
    'filterChangeWithCounts',
    r,
    `${q} ‖ filterCounts(model, filters, areas), as the page runs them`,
  );
  queueFigure('a search', 'search', r, `${q} with filters.q`);
  const c = r.catchUp;
  figure(
    `catch-up after ${n(c.read)} remote changes`,
    ms(c.ms),
    '≤ 1 s',
    c.ms <= 1000,
    `rebuild from scratch ${ms(c.rebuildMs)}${c.rebuildThrottled ? '' : ' UNTHROTTLED (a lower bound; BENCH_DESK_REBUILD=1 times it at 4×)'}, ` +
      `${(c.rebuildMs / c.ms).toFixed(0)}× slower`,
    'catchUp(replica, model) once the changes are in the replica (bulkDocs, new_edits: false)',
  );
  console.log(
    `      parts:    the replica's own write of the changes ${ms(c.replicaWriteMs)}; reading them back ${ms(c.feedMs)}, ` +
      `and checking each ${ms(c.feedCheckedMs)}; the rows stored written again ${ms(c.rowWriteMs)} ` +
      `(${ms(c.nativeWriteMs)} through IndexedDB's own API, ${ms(c.plainWriteMs)} into a table with no index)`,
  );
  const ranked = spread(r.ranking.ranked);
  const floor = spread(r.ranking.floor);
  figure(
    `ranking ${n(r.ranking.candidates)} volunteers, p95 (n=${ranked.count})`,
    ms(ranked.p95),
    '≤ 20 ms',
    ranked.p95 <= 20,
    `hard rules alone p95 ${ms(floor.p95)}; ${r.ranking.eligiblePerRequest.toFixed(0)} eligible a request on average`,
    'rankVolunteers(request, candidates, now) for 20 open requests',
  );
  figure(
    'JS heap with the requests on the device',
    mb(r.heap.deviceMb),
    '≤ 100 MB',
    r.heap.deviceMb <= 100,
    `old way holding every row ${mb(r.heap.oldMb)}; the page before any data ${mb(r.heap.emptyMb)}`,
    'Runtime.getHeapUsage after HeapProfiler.collectGarbage, replica and read model open, queue read',
  );
}
