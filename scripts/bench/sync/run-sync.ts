/**
 * `npm run bench -- sync` (or `BENCH_ONLY=sync npm run bench`): the first-sync, load and live
 * figures of the staff devices, measured on this machine and printed with their commands, beside a
 * baseline (BENCH_BASELINE=<git ref>: that ref's app AND sync server) when one is given.
 *
 *   BENCH_SYNC_BATCHES=100x10,500x2,…  batch settings to compare against Cymorth's server
 *   BENCH_SYNC_CONCURRENT=100          volunteers syncing at once
 *   BENCH_SYNC_LIVE=200                live devices for the propagation figure
 *   BENCH_SYNC_CAP_S=90                concurrent first syncs still running then are stopped
 *   BENCH_SYNC_LOAD=0                  first syncs only: no concurrent syncs, no live propagation
 *                                      (minutes shorter, when only the device's figures are wanted)
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../chromium.ts';
import { buildBaseline, type BaselineBuild } from '../common/baseline-build.ts';
import { ensureBuild } from '../common/ensure-build.ts';
import { measure, type Measured } from '../common/measured.ts';
import { renderTable } from '../resident/report-table.ts';
import { writeResults } from '../common/results-file.ts';
import { startSyncServer, type RunningSyncServer } from '../common/sync-server-process.ts';
import { appBatchSettings, batchVariants } from './first-sync/app-batch-settings.ts';
import { bundleBenchPage } from './first-sync/bench-page-bundle.ts';
import {
  appFirstSync,
  dexieFloor,
  stockFirstSync,
  type BatchSettings,
  type SyncRun,
} from './first-sync/browser-sync.ts';
import { concurrentFirstSyncs } from './load/concurrent-syncs.ts';
import { livePropagation } from './load/live-propagation.ts';
import { startPlainServer } from './setup/plain-server.ts';
import { remoteDb, signIn } from './setup/staff-session.ts';
import { batchRows, syncRows } from './sync-figures.ts';
import type { BatchVariant, Reference, SyncResults, SyncTarget, Who } from './sync-results.ts';
import { seedWorld, type World } from './setup/world.ts';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const whos: Who[] = ['volunteer', 'coordinator'];
const benchPath = '/__bench/index.html';

/** The run of median time, or the first failure: one failed run makes the figure fail. */
function medianRun(runs: Measured<SyncRun>[]): Measured<SyncRun> {
  const failed = runs.find((r) => !r.ok);
  if (failed) return failed;
  const sorted = runs.filter((r) => r.ok).sort((a, b) => a.value.ms - b.value.ms);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
}

/** Devices are told apart by X-Forwarded-For (see deviceAddress). */
const proxied = { TRUST_PROXY: '1' };

/** A measurement, its figures printed as soon as it is made (a long run stopped half-way still says something). */
async function shown<T>(what: string, run: () => Promise<T>): Promise<Measured<T>> {
  const result = await measure(what, run);
  if (result.ok)
    console.log(
      `    ${what}: ${JSON.stringify(result.value, (k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v) : v))}`,
    );
  return result;
}

type Server = { name: SyncTarget['name']; label: string; server: RunningSyncServer };

export async function runSyncBench(): Promise<number> {
  const startedAt = new Date();
  const cleanUps: (() => Promise<void>)[] = [];
  const concurrentCount = wholeNumber('BENCH_SYNC_CONCURRENT', 100);
  const liveCount = wholeNumber('BENCH_SYNC_LIVE', 200);
  const capMs = wholeNumber('BENCH_SYNC_CAP_S', 90) * 1000;
  const variants = batchVariants(process.env.BENCH_SYNC_BATCHES);
  const withLoad = process.env.BENCH_SYNC_LOAD?.trim() !== '0';
  const appRuns = wholeNumber('BENCH_SYNC_RUNS', 1);
  const baselineRef = process.env.BENCH_BASELINE?.trim() || null;
  console.log(
    `\nCymorth sync bench, ${startedAt.toISOString()}: Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  try {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'cymorth-bench-sync-'));
    cleanUps.push(() => rm(tmp, { recursive: true, force: true }));
    const build = await ensureBuild(process.env.BENCH_REBUILD === '1');
    cleanUps.push(build.cleanUp);
    let baseline: BaselineBuild | null = null;
    if (baselineRef) {
      console.log(`Building the baseline ${baselineRef} (app and server from git archive)…`);
      try {
        baseline = await buildBaseline(baselineRef);
        cleanUps.push(baseline.cleanUp);
      } catch (error) {
        console.log(
          `baseline: could not build ${baselineRef}; continuing without it.\n${errorText(error)}`,
        );
      }
    }

    console.log('Seeding the world (npm run seed) and bundling the bench page…');
    const world = await seedWorld(tmp);
    const pageDir = await bundleBenchPage(path.join(tmp, 'page'));
    for (const dir of [build.dir, baseline?.buildDir]) {
      if (dir) await cp(pageDir, path.join(dir, '__bench'), { recursive: true });
    }
    console.log(
      `  ${world.totalDocs.toLocaleString('en-GB')} documents; volunteer ${world.volunteer.username} sees ` +
        `${world.volunteer.visibleDocs}, coordinator ${world.coordinator.username} sees ${world.coordinator.visibleDocs}`,
    );

    const servers: Server[] = [];
    const current = await startSyncServer(build.dir, { dataFrom: world.dataDir, env: proxied });
    cleanUps.unshift(current.stop);
    servers.push({
      name: 'current',
      label: 'working tree (app build/ and sync-server/)',
      server: current,
    });
    if (baseline) {
      const server = await startSyncServer(baseline.buildDir, {
        dataFrom: world.dataDir,
        root: baseline.root,
        env: proxied,
      });
      cleanUps.unshift(server.stop);
      servers.push({ name: 'baseline', label: `${baselineRef} = ${baseline.subject}`, server });
    }

    const plain = await startPlainServer(path.join(tmp, 'plain'), pageDir);
    cleanUps.unshift(plain.stop);
    console.log('Copying each view into the plain server (replicated from Cymorth as that user)…');
    const viewSize = {} as Record<Who, number>;
    for (const who of whos) {
      const cookie = await signIn(current.origin, world[who].username);
      await plain.db(who).replicate.from(remoteDb(`${current.origin}/db`, cookie), {
        batch_size: 1000,
        batches_limit: 4,
      });
      const info = await plain.db(who).info();
      viewSize[who] = info.doc_count;
      console.log(`  ${who}: ${info.doc_count} documents`);
    }

    const settings = await appBatchSettings();
    const reference: Reference = {
      plain: {} as Reference['plain'],
      floor: {} as Reference['floor'],
    };
    const targets: SyncTarget[] = servers.map((s) => ({
      name: s.name,
      label: s.label,
      app: {} as SyncTarget['app'],
      concurrent: { ok: false, error: 'not run' },
      live: { ok: false, error: 'not run' },
    }));
    const batchResults: BatchVariant[] = [];

    const browser = await launchChromium();
    const chromium = browser.version();
    try {
      for (const who of whos) {
        console.log(
          `[reference] ${who}: stock PouchDB from the plain server, then the Dexie floor…`,
        );
        reference.plain[who] = await shown(`plain ${who}`, () =>
          stockFirstSync(browser, plain.origin, '/bench/index.html', plain.dbUrl(who), settings),
        );
        reference.floor[who] = await shown(`floor ${who}`, () =>
          dexieFloor(
            browser,
            plain.origin,
            '/bench/index.html',
            `${plain.dbUrl(who)}/_all_docs?include_docs=true`,
          ),
        );
      }
      // Current and baseline take turns, run by run, so a slow spell of the machine falls on both.
      for (const who of whos) {
        const runsOf = servers.map((): Measured<SyncRun>[] => []);
        for (let run = 1; run <= appRuns; run++) {
          for (const [i, s] of servers.entries()) {
            const of = appRuns > 1 ? ` (run ${run} of ${appRuns})` : '';
            console.log(`[${s.name}] ${who}: the app's first sync${of}…`);
            runsOf[i]!.push(
              await shown(`app ${who}`, () =>
                appFirstSync(browser, s.server.origin, world[who].username, viewSize[who]),
              ),
            );
          }
        }
        for (const [i, runs] of runsOf.entries()) targets[i]!.app[who] = medianRun(runs);
      }
      for (const v of variants) {
        const runs = {} as BatchVariant['runs'];
        for (const who of whos) {
          console.log(
            `[current] ${who}: stock PouchDB from /db at ${v.batch_size}×${v.batches_limit}…`,
          );
          runs[who] = await shown(`stock ${who} ${v.batch_size}x${v.batches_limit}`, () =>
            stockFirstSync(
              browser,
              current.origin,
              benchPath,
              `${current.origin}/db`,
              v,
              world[who].username,
            ),
          );
        }
        batchResults.push({ settings: v, runs });
      }
    } finally {
      await browser.close();
    }

    for (const [i, s] of withLoad ? servers.entries() : []) {
      console.log(`[${s.name}] ${concurrentCount} concurrent volunteer first syncs…`);
      targets[i]!.concurrent = await shown('concurrent', () =>
        concurrentFirstSyncs(
          s.server.origin,
          world.volunteers.slice(0, concurrentCount).map((p) => p.username),
          settings,
          capMs,
        ),
      );
      // Stopped clients' requests may still be running on the server: let it settle first.
      await new Promise((r) => setTimeout(r, 10_000));
      console.log(`[${s.name}] ${liveCount} live devices, coordinator edits…`);
      targets[i]!.live = await shown('live', () => live(s.server.origin, world, liveCount));
    }

    const results: SyncResults = {
      views: {
        volunteer: { username: world.volunteer.username, visibleDocs: world.volunteer.visibleDocs },
        coordinator: {
          username: world.coordinator.username,
          visibleDocs: world.coordinator.visibleDocs,
        },
      },
      targets,
      reference,
      batchVariants: batchResults,
    };
    const commands = syncCommands(world, settings, variants, concurrentCount, liveCount, appRuns);
    const rows = syncRows(results);
    console.log(
      `\nSync figures. Chromium ${chromium}, Node ${process.version}, ${os.cpus().length} CPUs; 1 KB = 1,000 bytes.`,
    );
    console.log(`value: ${targets[0]?.label}`);
    if (targets[1]) console.log(`baseline: ${targets[1].label}`);
    else
      console.log("baseline: set BENCH_BASELINE=<git ref> to compare (that ref's app and server)");
    console.log(`\n${renderTable(rows, targets.length > 1)}\n`);
    console.log(
      "Batch settings, stock pouchdb-browser replicating from Cymorth's /db (current server) [7]:\n",
    );
    console.log(`${batchRows(results).join('\n')}\n`);
    commands.forEach((c, i) => console.log(`[${i}] ${c}`));
    const file = await writeResults(startedAt, {
      kind: 'sync',
      startedAt: startedAt.toISOString(),
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      machine: { node: process.version, cpus: os.cpus().length, chromium },
      table: rows,
      commands,
      results,
    });
    console.log(
      `\nWritten to ${file} in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s.`,
    );
    const failed = targets
      .filter((t) => t.name === 'current')
      .flatMap((t) =>
        [t.app.volunteer, t.app.coordinator, ...(withLoad ? [t.concurrent, t.live] : [])].filter(
          (m) => !m.ok,
        ),
      );
    return failed.length;
  } finally {
    for (const cleanUp of cleanUps)
      await cleanUp().catch((e: unknown) => console.error(`clean-up: ${errorText(e)}`));
  }
}

function live(origin: string, world: World, count: number) {
  // Volunteers holding requests first, so every edit lands on a live device.
  const clients = [...world.volunteers]
    .sort(
      (a, b) =>
        (world.heldRequests.get(b.user.id)?.length ?? 0) -
        (world.heldRequests.get(a.user.id)?.length ?? 0),
    )
    .slice(0, count)
    .map((p) => ({ username: p.username, id: p.user.id }));
  const coordinators = new Map(
    [...world.coordinatorsByArea].map(([area, p]) => [
      area,
      { username: p.username, id: p.user.id },
    ]),
  );
  return livePropagation({
    origin,
    clients,
    coordinators,
    held: world.heldRequests,
    edits: 40,
    intervalMs: 250,
  });
}

function syncCommands(
  world: World,
  app: BatchSettings,
  variants: BatchSettings[],
  concurrent: number,
  live: number,
  appRuns: number,
): string[] {
  const chromium =
    'Playwright driving /usr/bin/chromium, new context per run (empty IndexedDB and cache, service workers blocked)';
  const bytes =
    'bytes = CDP Network.loadingFinished encodedDataLength (headers + body as transferred, compressed if it was)';
  return [
    `${world.seedCommand}  (${world.totalDocs.toLocaleString('en-GB')} documents)`,
    `the server: DATA_DIR=<copy of [0]> STATIC_DIR=<copy of build/ + bench page> PORT=0 HOST=127.0.0.1 npx tsx sync-server/start.ts (for the baseline: the ref's sync-server/ and build)`,
    `scripts/bench/sync/first-sync/browser-sync.ts appFirstSync: ${chromium}; /en/staff/sign-in as ${world.volunteer.username} (volunteer) or ${world.coordinator.username} (coordinator), submit; time from the first /db request until its PouchDB replica (IndexedDB _pouch_cymorth-<user id>, store docs) holds every document of the view (counted in the replica rather than read from the panel's 'first sync finished', which the one-off first pull sets when it completes); ${bytes}, /db requests only. The app loads pages of ${app.batch_size * app.batches_limit} documents from the filtered _all_docs, then pulls from the sequence named before them at batch_size ${app.batch_size}, batches_limit ${app.batches_limit} (src/lib/staff/sync/replicator/bulk-load.ts, first-sync.ts); ${appRuns > 1 ? `the median of ${appRuns} runs, current and baseline taking turns (BENCH_SYNC_RUNS)` : 'one run (BENCH_SYNC_RUNS=n for the median of n)'}`,
    `scripts/bench/sync/setup/plain-server.ts: express-pouchdb 4.2 (minimumForPouchDB, compression off as in CouchDB) over pouchdb-node/LevelDB in the bench process, holding the user's view (replicated from [1] as that user); ${chromium}; bench page: pouchdb-browser 9 + indexeddb adapter, local.replicate.from(<plain>/couch/<who>, {batch_size: ${app.batch_size}, batches_limit: ${app.batches_limit}}), timed in the page; ${bytes}`,
    `scripts/bench/sync/first-sync/browser/bench-page.ts dexieFloor: fetch <plain>/couch/<who>/_all_docs?include_docs=true (untimed), then time Dexie bulkPut of the docs into a fresh table ('_id' key)`,
    `scripts/bench/sync/load/concurrent-syncs.ts: ${concurrent} volunteers (the ${concurrent} with the largest views; seeded, approved, with areas), each PouchDB 9 in Node (memory adapter) in the bench process, replicate.from(<server>/db) at ${app.batch_size}×${app.batches_limit}, all started at once; time per client; nearest-rank percentiles`,
    `scripts/bench/sync/load/live-propagation.ts: ${live} live volunteer devices speaking PouchDB's live pull on the wire (longpoll _changes style=all_docs heartbeat=10000 from since=now, then _bulk_get?revs=true) in the bench process; 40 coordinator notes for the assignee (POST /db/_bulk_docs), one every 250 ms, on requests held by live volunteers; latency = note sent → the assignee's _bulk_get of it answered`,
    `scripts/bench/sync/first-sync/browser-sync.ts stockFirstSync: as [3] but the bench page on the server's origin, signed in as the user, replicating from <server>/db with each of ${variants.map((v) => `${v.batch_size}×${v.batches_limit}`).join(', ')}`,
  ];
}
