/**
 * `npm run bench -- desk`: the coordinator's desk with 50,000 requests on the device (issue 9,
 * "Measured"), in Debian's headless Chromium (a persistent profile, so IndexedDB is on disk as on
 * a device), the page driving the app's real data modules (browser/desk-page.ts). The world is
 * loaded and the read model built unthrottled (setup); everything timed after that runs at 4× CPU
 * throttling, each beside its baseline from the same run (desk-figures.ts says which).
 */
import { loadAverage, step } from '../common/progress.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumFlags, chromiumPath } from '../../chromium.ts';
import { writeResults } from '../common/results-file.ts';
import type { DeskBenchPage, DeskCase, Timed, Way } from './browser/desk-page.ts';
import { Cdp, throttleRate } from './cdp.ts';
import { summarise } from '../sync/first-sync/cpu-profile.ts';
import { printDesk, type DeskResults } from './desk-figures.ts';
import { bundleDeskPage, serveDir, writeChunks } from './desk-serve.ts';
import { deskWorld, type DeskWorld } from './desk-world.ts';

type BenchWindow = { deskBench: DeskBenchPage };

const pageSize = 50; // the queue page's own (src/routes/[lang=lang]/staff/requests/+page.svelte)
const runs = Number(process.env.BENCH_DESK_RUNS ?? 10);
const oldRuns = Number(process.env.BENCH_DESK_OLD_RUNS ?? 1);
/** Rebuilding 50,000 requests at 4× takes many minutes: by default the unthrottled build stands in. */
const rebuildThrottled = process.env.BENCH_DESK_REBUILD === '1';
/** Where catching up spends its time: a CPU profile, summarised, with `BENCH_DESK_PROFILE=1`. */
const profileCatchUp = process.env.BENCH_DESK_PROFILE === '1';

function queueTimer(page: Page, world: DeskWorld) {
  return (way: Way, cases: DeskCase[], n: number, withCounts: boolean): Promise<Timed[]> =>
    page.evaluate(
      ([w, user, c, n, limit, now, counts]) =>
        (globalThis as unknown as BenchWindow).deskBench.queue(w, user, c, n, limit, now, counts),
      [way, world.user, cases, n, pageSize, world.now, withCounts] as const,
    );
}

/**
 * Each case's page should be the same rows in the same order both ways, or the figures compare
 * different work. A disagreement is printed (a finding about `queuePage`), and the run goes on.
 */
async function checkAgreement(page: Page, world: DeskWorld, cases: DeskCase[]): Promise<string[]> {
  const found: string[] = [];
  for (const c of cases) {
    const [a, b] = await Promise.all(
      (['indexed', 'old'] as const).map((way) =>
        page.evaluate(
          ([w, user, f, limit, now]) =>
            (globalThis as unknown as BenchWindow).deskBench.pageIds(w, user, f, limit, now),
          [way, world.user, c.filters, pageSize, world.now] as const,
        ),
      ),
    );
    const sameRows = a!.ids.join() === b!.ids.join();
    // A search that counts no further than its cap (desk-search.ts) agrees when the old way found more.
    const sameTotal = a!.capped ? b!.total > a!.total : a!.total === b!.total;
    if (!sameTotal || !sameRows) {
      const what = `"${c.label}": queuePage total ${a!.total}, old way ${b!.total}; page rows ${sameRows ? 'the same' : 'DIFFER'}`;
      console.log(`  ✗ disagree: ${what}`);
      found.push(what);
    }
  }
  return found;
}

export async function runDeskBench(): Promise<void> {
  const startedAt = new Date();
  console.log('\nDesk bench (npm run bench -- desk)');
  const loadBefore = loadAverage();
  let t0 = Date.now();
  const world = deskWorld();
  step(
    `generated ${world.docs.length.toLocaleString('en-GB')} documents, ${world.requests.toLocaleString('en-GB')} requests`,
    t0,
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cymorth-desk-bench-'));
  const profile = path.join(dir, 'profile');
  const site = path.join(dir, 'site');
  await bundleDeskPage(site);
  const docUrls = await writeChunks(site, 'docs', world.docs);
  const [changesUrl] = await writeChunks(site, 'changes', world.changes);
  const { origin, server } = await serveDir(site);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: [...chromiumFlags],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(origin, { waitUntil: 'load' });
    await page.waitForFunction(() => 'deskBench' in globalThis);
    const cdp = await Cdp.attach(page);
    const bench = <K extends keyof DeskBenchPage>(
      name: K,
      ...args: Parameters<DeskBenchPage[K]>
    ): Promise<Awaited<ReturnType<DeskBenchPage[K]>>> =>
      page.evaluate(
        ([n, a]) =>
          ((globalThis as unknown as BenchWindow).deskBench[n] as (...x: unknown[]) => unknown)(
            ...a,
          ) as Awaited<ReturnType<DeskBenchPage[K]>>,
        [name, args] as const,
      );
    const heapEmpty = await cdp.heapMb();

    t0 = Date.now();
    const loaded = await bench('load', docUrls);
    step(`replica loaded: ${loaded.docs.toLocaleString('en-GB')} documents`, t0);
    t0 = Date.now();
    const built = await bench('build');
    step(`read model built unthrottled: ${built.requests.toLocaleString('en-GB')} requests`, t0);
    const disagreements = await checkAgreement(page, world, [
      ...world.firstPage,
      ...world.filterChanges,
      ...world.searches,
    ]);

    await cdp.throttle(throttleRate);
    const time = queueTimer(page, world);
    t0 = Date.now();
    const indexed = {
      firstPage: await time('indexed', world.firstPage, runs, false),
      filterChange: await time('indexed', world.filterChanges, runs, false),
      filterChangeWithCounts: await time('indexed', world.filterChanges, runs, true),
      search: await time('indexed', world.searches, runs, false),
    };
    step('queue timed through the indexes', t0);
    const heapDevice = await cdp.heapMb();
    t0 = Date.now();
    const oldFilter = await time('old', world.filterChanges, oldRuns, true);
    const old = {
      firstPage: await time('old', world.firstPage, oldRuns, true),
      filterChange: oldFilter,
      filterChangeWithCounts: oldFilter,
      search: await time('old', world.searches, oldRuns, true),
    };
    step('queue timed the old way', t0);
    await bench('holdOld');
    const heapOld = await cdp.heapMb();
    await bench('dropOld');

    t0 = Date.now();
    const catchUp = () => bench('catchUpAfter', changesUrl!);
    const caughtUp = profileCatchUp
      ? await cdp.profiled(catchUp).then(({ value, profile }) => {
          console.log(summarise(profile, 25));
          return value;
        })
      : await catchUp();
    step(`caught up with ${caughtUp.read} remote changes`, t0);
    t0 = Date.now();
    const rebuilt = rebuildThrottled ? await bench('build') : built;
    if (rebuildThrottled) step('read model rebuilt from scratch (throttled)', t0);
    t0 = Date.now();
    const ranking = await bench('rank', world.candidates, world.rankRequests, runs, world.now);
    step(`ranked ${world.candidates.length} volunteers`, t0);

    const results: DeskResults = {
      shape: { ...world.shape, now: world.shape.now.toISOString() },
      docs: loaded.docs,
      requests: built.requests,
      setup: { loadMs: loaded.ms, buildMs: built.ms },
      throttle: throttleRate,
      pageSize,
      indexed,
      old,
      catchUp: { ...caughtUp, rebuildMs: rebuilt.ms, rebuildThrottled },
      disagreements,
      loadAverage: { before: loadBefore, after: loadAverage() },
      ranking: { ...ranking, candidates: world.candidates.length },
      heap: { emptyMb: heapEmpty, deviceMb: heapDevice, oldMb: heapOld },
    };
    printDesk(results);
    console.log(`  results: ${await writeResults(startedAt, { desk: results })}`);
  } finally {
    await context.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
