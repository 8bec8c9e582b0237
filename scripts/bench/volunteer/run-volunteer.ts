/**
 * `npm run bench -- volunteer`: issue 10's two figures for a volunteer's phone, in the built app as
 * the sync server serves it, on a seeded world in which one volunteer holds 200 tasks
 * (volunteer-world.ts):
 *   a. the gzipped JavaScript of their first load: sign-in, the staff home, the task list
 *      (first-load-js.ts), with what of it is PouchDB and Leaflet; goal ≤ 170 KB;
 *   b. app start to the task list, 200 tasks on the device, offline, at 4× CPU throttling
 *      (volunteer-device.ts), beside the same page with no tasks, the two devices taking turns;
 *      goal ≤ 1 s at p95.
 *
 *   BENCH_VOLUNTEER_TASKS=n    tasks the volunteer holds (200)
 *   BENCH_VOLUNTEER_RUNS=n     timed loads of each device (20)
 *   BENCH_VOLUNTEER_PROFILE=1  one more load of the task list with a CPU profile, summarised
 *   BENCH_REBUILD=1            rebuild build/ first (otherwise it is built only when missing)
 */
import { loadAverage, step } from '../common/progress.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../chromium.ts';
import { ensureBuild } from '../common/ensure-build.ts';
import { measure, type Measured } from '../common/measured.ts';
import { writeResults } from '../common/results-file.ts';
import { startSyncServer } from '../common/sync-server-process.ts';
import { summarise as summariseProfile } from '../sync/first-sync/cpu-profile.ts';
import { measureFirstLoadJs } from './first-load-js.ts';
import { VolunteerDevice } from './volunteer-device.ts';
import { printFirstLoad, printTaskList, type Loads } from './volunteer-figures.ts';
import { volunteerWorld } from './volunteer-world.ts';

const tasks = Number(process.env.BENCH_VOLUNTEER_TASKS ?? 200);
const runs = Number(process.env.BENCH_VOLUNTEER_RUNS ?? 20);
const profiled = process.env.BENCH_VOLUNTEER_PROFILE === '1';

/** Both devices loaded in turn, so a change in the machine's load falls on both alike. */
async function timeInTurns(holder: VolunteerDevice, empty: VolunteerDevice): Promise<Loads> {
  const loads: Loads = { holder: [], empty: [] };
  for (let i = 0; i < runs; i++) {
    loads.holder.push(await holder.load());
    loads.empty.push(await empty.load());
  }
  return loads;
}

/** The number of measurements of the current build that failed. */
export async function runVolunteerBench(): Promise<number> {
  const startedAt = new Date();
  console.log('\nVolunteer bench (npm run bench -- volunteer)');
  const loadBefore = loadAverage();
  console.log(`  load average (1, 5, 15 min) ${loadBefore}`);
  const cleanUps: (() => Promise<void>)[] = [];
  try {
    let t0 = Date.now();
    const build = await ensureBuild(process.env.BENCH_REBUILD === '1');
    cleanUps.unshift(build.cleanUp);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cymorth-volunteer-bench-'));
    cleanUps.unshift(() => rm(dir, { recursive: true, force: true }));
    const world = await volunteerWorld(dir, tasks);
    step(`seeded ${world.shape.requests} requests: ${world.seedCommand}`, t0);
    const server = await startSyncServer(build.dir, { dataFrom: world.dataDir });
    cleanUps.unshift(server.stop);
    console.log(`  build/ of ${build.builtAt.toISOString()} served at ${server.origin}`);

    t0 = Date.now();
    const browser = await launchChromium();
    const chromium = browser.version();
    const firstLoad = await measure('first-load JS', () =>
      measureFirstLoadJs(browser, server.origin, world.holder.username, world.holder.tasks),
    ).finally(() => browser.close());
    step('a. first load measured', t0);

    t0 = Date.now();
    const devices: Measured<Loads> = await measure('task list offline', async () => {
      const profiles = path.join(dir, 'devices');
      const holder = await VolunteerDevice.prepare(server.origin, world.holder, profiles);
      cleanUps.unshift(() => holder.close());
      const empty = await VolunteerDevice.prepare(server.origin, world.empty, profiles);
      cleanUps.unshift(() => empty.close());
      step('b. both devices synced, cached and offline', t0);
      t0 = Date.now();
      const loads = await timeInTurns(holder, empty);
      step(`b. ${runs} loads of each timed`, t0);
      if (profiled) {
        const { value, profile } = await holder.profiledLoad();
        console.log(`  CPU profile of one more load (${value.shownMs.toFixed(0)} ms):`);
        console.log(summariseProfile(profile, 25));
      }
      return loads;
    });

    console.log(`\n  Chromium ${chromium}; load average at the end ${loadAverage()}`);
    console.log(
      `  world: ${world.holder.username} holds ${world.holder.tasks} tasks and may take ` +
        `${world.holder.claimable} open ones (listed below theirs), ${world.holder.docs} documents; ` +
        `${world.empty.username} is not approved yet and sees none`,
    );
    const a = printFirstLoad(firstLoad);
    const b = printTaskList(devices, world);
    const results = {
      chromium,
      loadAverage: { before: loadBefore, after: loadAverage() },
      world: { ...world, shape: { ...world.shape, now: world.shape.now.toISOString() } },
      runs,
      firstLoad: a,
      taskList: b,
    };
    console.log(`  results: ${await writeResults(startedAt, { volunteer: results })}`);
    return [firstLoad, devices].filter((m) => !m.ok).length;
  } finally {
    for (const cleanUp of cleanUps)
      await cleanUp().catch((e: unknown) => console.error(`  clean-up: ${String(e)}`));
  }
}
