/**
 * `npm run bench -- resident` (part of `npm run bench`): what Cymorth costs a resident's phone, measured on this machine and printed
 * with the command behind each figure. Performance is measured here, never asserted in tests;
 * goals are printed beside the figures, and a run only fails when a measurement could not be made.
 *
 *   BENCH_BASELINE=<git ref>  also build that ref and measure it in the same run, side by side
 *   BENCH_REBUILD=1           rebuild build/ first (otherwise it is built only when missing)
 *   BENCH_LIGHTHOUSE_RUNS=n   Lighthouse runs per page (default 3; the median is reported)
 */
import os from 'node:os';
import { buildBaseline, type BaselineBuild } from '../common/baseline-build.ts';
import { launchChromium } from '../../chromium.ts';
import { ensureBuild } from '../common/ensure-build.ts';
import { commands, figures, lighthousePaths } from './figures.ts';
import { measureFirstVisitJs, startPath } from './first-visit-js.ts';
import { lighthouseCommand, runLighthouse, type LighthousePage } from './lighthouse-runs.ts';
import { measure, type Measured } from '../common/measured.ts';
import { measurePrecacheOnDisk } from './precache-manifest.ts';
import { printDetails } from './print-details.ts';
import { renderTable, tableRows } from './report-table.ts';
import { writeResults } from '../common/results-file.ts';
import { measureServiceWorkerDownloads } from './service-worker-downloads.ts';
import { startSyncServer, type RunningSyncServer } from '../common/sync-server-process.ts';
import type { TargetResults } from './target-results.ts';

type Target = { name: TargetResults['name']; label: string; server: RunningSyncServer };

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number ≥ 1, not "${raw}"`);
  return value;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

const startedAt = new Date();
const baselineRef = process.env.BENCH_BASELINE?.trim() || null;
const lighthouseRuns = positiveInteger('BENCH_LIGHTHOUSE_RUNS', 3);
const cleanUps: (() => Promise<void>)[] = [];

console.log(
  `Cymorth bench, ${startedAt.toISOString()}: Node ${process.version}, ${os.cpus().length} CPUs`,
);
const build = await ensureBuild(process.env.BENCH_REBUILD === '1');
cleanUps.push(build.cleanUp);
const currentLabel = `build/ (${build.rebuilt ? 'built now' : `built ${build.builtAt.toISOString()}`})`;
console.log(`Measuring ${currentLabel}`);

let baseline: BaselineBuild | null = null;
let baselineError: string | null = null;
if (baselineRef) {
  console.log(`Building the baseline ${baselineRef} (git archive + vite build in a temp dir)…`);
  try {
    baseline = await buildBaseline(baselineRef);
    cleanUps.push(baseline.cleanUp);
    console.log(`Baseline: ${baseline.subject}`);
  } catch (error) {
    baselineError = errorText(error);
    console.log(
      `baseline: could not build ${baselineRef}; continuing without it.\n${baselineError}`,
    );
  }
} else {
  console.log('baseline: set BENCH_BASELINE=<git ref> to compare');
}

const targets: Target[] = [];
let results: TargetResults[] = [];
let chromiumVersion: string | undefined;
try {
  const current = await startSyncServer(build.dir);
  cleanUps.unshift(current.stop);
  targets.push({ name: 'current', label: currentLabel, server: current });
  if (baseline) {
    try {
      const server = await startSyncServer(baseline.buildDir);
      cleanUps.unshift(server.stop);
      targets.push({ name: 'baseline', label: `${baselineRef} = ${baseline.subject}`, server });
    } catch (error) {
      baselineError = `the server would not serve the baseline build: ${errorText(error)}`;
      console.log(`baseline: ${baselineError}; continuing without it.`);
    }
  }

  const browser = await launchChromium();
  chromiumVersion = browser.version();
  try {
    for (const target of targets) {
      const { origin } = target.server;
      console.log(`\n[${target.name}] ${target.label} at ${origin}`);
      console.log('  a. first-visit JS…');
      const firstVisitJs = await measure('first-visit JS', () =>
        measureFirstVisitJs(browser, origin),
      );
      console.log('  b. precache manifest and service worker downloads…');
      const precacheOnDisk = await measure('precache on disk', () =>
        measurePrecacheOnDisk(target.server.staticDir),
      );
      const serviceWorker = await measure('service worker downloads', () =>
        measureServiceWorkerDownloads(browser, origin, startPath),
      );
      const pending: Measured<LighthousePage[]> = { ok: false, error: 'not run' };
      results.push({
        name: target.name,
        label: target.label,
        firstVisitJs,
        precacheOnDisk,
        serviceWorker,
        lighthouse: pending,
      });
    }
  } finally {
    await browser.close();
  }

  console.log(`\n  c. Lighthouse, ${lighthouseRuns} run(s) per page and target…`);
  const lighthouse = await measure('Lighthouse', () =>
    runLighthouse(
      targets.map((t) => ({ name: t.name, origin: t.server.origin })),
      lighthousePaths,
      lighthouseRuns,
      (target, url, run, seconds) =>
        console.log(`    [${target}] run ${run} ${url} (${seconds.toFixed(0)} s)`),
    ),
  );
  results = results.map((r) => ({
    ...r,
    lighthouse: lighthouse.ok
      ? { ok: true, value: lighthouse.value.get(r.name) ?? [] }
      : { ok: false, error: lighthouse.error },
  }));
} finally {
  for (const cleanUp of cleanUps)
    await cleanUp().catch((e: unknown) => console.error(`clean-up: ${errorText(e)}`));
}

const current = results.find((r) => r.name === 'current');
if (!current) throw new Error('nothing was measured');
const baselineResults = results.find((r) => r.name === 'baseline') ?? null;
const origin = targets[0]?.server.origin ?? 'http://127.0.0.1:<port>';
const commandList = commands(origin, lighthouseCommand);
const rows = tableRows(figures, current, baselineResults);

printDetails(current);
console.log(
  `\nChromium ${chromiumVersion ?? 'unknown'}, Node ${process.version}, ${os.cpus().length} CPUs; 1 KB = 1,000 bytes.`,
);
console.log(`value: ${current.label}`);
if (baselineResults) console.log(`baseline: ${baselineResults.label}`);
else if (baselineError) console.log(`baseline: not measured (${baselineError.split('\n')[0]})`);
else console.log('baseline: set BENCH_BASELINE=<git ref> to compare');
console.log(`\n${renderTable(rows, baselineResults !== null)}\n`);
commandList.forEach((command, i) => console.log(`[${i}] ${command}`));

const seconds = (Date.now() - startedAt.getTime()) / 1000;
const file = await writeResults(startedAt, {
  startedAt: startedAt.toISOString(),
  seconds,
  machine: { node: process.version, cpus: os.cpus().length, chromium: chromiumVersion ?? null },
  lighthouseRuns,
  baseline: baselineRef
    ? { ref: baselineRef, commit: baseline?.commit ?? null, error: baselineError }
    : null,
  table: rows,
  commands: commandList,
  results,
});
console.log(`\nWritten to ${file} in ${seconds.toFixed(0)} s.`);

const failed = results
  .filter((r) => r.name === 'current')
  .flatMap((r) =>
    [r.firstVisitJs, r.precacheOnDisk, r.serviceWorker, r.lighthouse].filter((m) => !m.ok),
  );
if (failed.length > 0) {
  console.error(`${failed.length} measurement(s) of the current build failed; see above.`);
  process.exitCode = 1;
}
