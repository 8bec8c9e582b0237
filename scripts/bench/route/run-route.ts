/**
 * `npm run bench -- route`: route ordering for a volunteer's day (issue 10, "Measured"): how long
 * `orderStops` takes for 25 stops, in Chromium at 4× CPU throttling (the goal's setting) and in
 * Node, and how long the routes it finds are beside the best of 1,000 random-restart 2-opt runs on
 * the same stops. Seeded, so every run orders the same days.
 */
import { loadAverage } from '../common/progress.ts';
import { distanceMatrix } from '#domain/routing/distance-matrix.ts';
import { orderStops } from '#domain/routing/order-stops.ts';
import { seededRandom } from '../../seed/random.ts';
import { measure } from '../common/measured.ts';
import { writeResults } from '../common/results-file.ts';
import { spread } from '../sync/load/percentiles.ts';
import { bestOfRandomTwoOpt } from './random-restart-two-opt.ts';
import { routeDays, type Day } from './route-days.ts';
import { throttleRate, timeThrottled } from './throttled-timing.ts';

const stops = 25;
const timedDays = Number(process.env.BENCH_ROUTE_TIMED ?? 200);
const judgedDays = Number(process.env.BENCH_ROUTE_JUDGED ?? 50);
const restarts = Number(process.env.BENCH_ROUTE_RESTARTS ?? 1000);
/** Days ordered before timing, so the figures are of compiled code, as on a phone's second use. */
const warmUpDays = 20;

const command = 'npm run bench -- route';
const mark = (met: boolean) => (met ? '✓ met' : '✗ MISSED');
const ms = (v: number) => `${v.toFixed(2)} ms`;
const pc = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)} %`;

function routeMetres(day: Day): number {
  const result = orderStops(day.start, day.stops);
  if (!result.ok) throw new Error(`a bench day was refused: ${result.problem}`);
  return result.route.totalMetres;
}

/**
 * Wall-clock and CPU milliseconds for each day. On a shared machine the wall clock also counts
 * the time other work held the core; the process's CPU time (microseconds) does not.
 */
function timeOrdering(days: Day[]): { wall: number[]; cpu: number[] } {
  for (const day of days.slice(0, warmUpDays)) routeMetres(day);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const day of days) {
    const [t0, c0] = [performance.now(), process.cpuUsage()];
    routeMetres(day);
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** Each day's route beside the yardstick's, as a percentage over it (negative: shorter). */
function judgeLengths(days: Day[]): number[] {
  const random = seededRandom(20_260_010);
  return days.map((day) => {
    const yardstick = bestOfRandomTwoOpt(
      distanceMatrix([day.start, ...day.stops]),
      restarts,
      random,
    );
    return (routeMetres(day) / yardstick - 1) * 100;
  });
}

function printThrottled(times: number[]) {
  const t = spread(times);
  console.log(
    `  ordering ${stops} stops in Chromium at ${throttleRate}× CPU throttling, p95 ${ms(t.p95)} ` +
      `(p50 ${ms(t.p50)}, max ${ms(t.max)}, n=${t.count})`,
  );
  console.log(`      goal ≤ 50 ms  ${mark(t.p95 <= 50)}`);
  console.log(
    `      timed: orderStops(start, stops) in the page with performance.now(), after ${warmUpDays} untimed`,
  );
  return t;
}

function printNode(timed: { wall: number[]; cpu: number[] }) {
  const [wall, cpu] = [spread(timed.wall), spread(timed.cpu)];
  console.log(
    `  ordering ${stops} stops in Node, unthrottled, p95 ${ms(wall.p95)} (p50 ${ms(wall.p50)}, ` +
      `max ${ms(wall.max)}, n=${wall.count})`,
  );
  console.log(
    `      CPU time p95 ${ms(cpu.p95)} (p50 ${ms(cpu.p50)}): the wall clock less what other work on a shared machine took`,
  );
  console.log(`      aim CPU time p95 ≤ 5 ms, a tenth of the goal  ${mark(cpu.p95 <= 5)}`);
  console.log(
    `      timed: orderStops(start, stops), performance.now() and process.cpuUsage(), after ${warmUpDays} untimed`,
  );
  return { wall, cpu };
}

function printLengths(over: number[], seconds: number) {
  const mean = over.reduce((a, b) => a + b, 0) / over.length;
  const worst = Math.max(...over);
  const within = over.filter((o) => o <= 1).length;
  console.log(
    `  route length beside the best of ${restarts.toLocaleString('en-GB')} random-restart 2-opt runs, ` +
      `mean ${pc(mean)} (n=${over.length})`,
  );
  console.log(`      goal within 1 %  ${mark(mean <= 1)}`);
  console.log(
    `      worst day ${pc(worst)}; ${within} of ${over.length} days within 1 %  ${mark(worst <= 1)}`,
  );
  console.log(
    `      yardstick: scripts/bench/route/random-restart-two-opt.ts, seeded (${seconds.toFixed(1)} s)`,
  );
  return { mean, worst, within, over };
}

export async function runRouteBench(): Promise<void> {
  const startedAt = new Date();
  console.log(`\nRoute bench (${command}): orderStops, Node ${process.version}`);
  console.log(`  load average (1, 5, 15 min) ${loadAverage()}`);
  const days = routeDays(1, timedDays, stops);
  const throttled = await measure('timing in Chromium', () => timeThrottled(days, warmUpDays));
  const chromium = throttled.ok ? printThrottled(throttled.value) : undefined;
  const node = printNode(timeOrdering(days));
  const t0 = Date.now();
  const over = judgeLengths(routeDays(2, judgedDays, stops));
  const lengths = printLengths(over, (Date.now() - t0) / 1000);
  console.log(`  load average at the end ${loadAverage()}; command: ${command}`);
  const results = { stops, restarts, chromium, node, lengths };
  console.log(`  results: ${await writeResults(startedAt, { route: results })}`);
}
