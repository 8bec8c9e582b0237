/**
 * `npx tsx scripts/bench/sync/profile-first-sync.ts`: where a staff device's first sync spends its
 * time. Seeds the bench's world, serves `build/` (build it with `npx vite build --minify false` for
 * readable names), and for each person times stock PouchDB pulling the same `/db` at the app's batch
 * settings, then the app's first sync under the Chrome DevTools CPU profiler. Prints both times,
 * the share of main-thread time that was idle, and the functions with the most self time. Not part
 * of `npm run bench`: a tool for finding costs, not a figure to report.
 *
 *   PROFILE_WHO=volunteer|coordinator   one of them only (both by default)
 *   PROFILE_OUT=<dir>                   also write each .cpuprofile there (open in DevTools)
 *   PROFILE_RUNS=2                      app and stock runs per person (the profile is the last run's)
 */
import { mkdtemp, rm, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { launchChromium } from '../../chromium.ts';
import { repoRoot } from '../common/repo-root.ts';
import { startSyncServer } from '../common/sync-server-process.ts';
import { appBatchSettings } from './first-sync/app-batch-settings.ts';
import { bundleBenchPage } from './first-sync/bench-page-bundle.ts';
import { appFirstSync, stockFirstSync } from './first-sync/browser-sync.ts';
import { cpuProfiled, summarise } from './first-sync/cpu-profile.ts';
import type { Who } from './sync-results.ts';
import { seedWorld } from './setup/world.ts';

const whos: Who[] = process.env.PROFILE_WHO
  ? [process.env.PROFILE_WHO as Who]
  : ['volunteer', 'coordinator'];
const runs = Number(process.env.PROFILE_RUNS ?? 1);
const out = process.env.PROFILE_OUT?.trim();

const tmp = await mkdtemp(path.join(os.tmpdir(), 'cymorth-profile-sync-'));
const staticDir = path.join(tmp, 'build');
await cp(path.join(repoRoot, 'build'), staticDir, { recursive: true });
let browser: Browser | null = null;
let stopServer = async () => {};
try {
  console.log('Seeding the world and bundling the bench page…');
  const world = await seedWorld(tmp);
  await cp(await bundleBenchPage(path.join(tmp, 'page')), path.join(staticDir, '__bench'), {
    recursive: true,
  });
  const server = await startSyncServer(staticDir, {
    dataFrom: world.dataDir,
    env: { TRUST_PROXY: '1' },
  });
  stopServer = server.stop;
  const settings = await appBatchSettings();
  browser = await launchChromium();
  for (const who of whos) {
    const { username, visibleDocs } = world[who];
    for (let run = 1; run <= runs; run++) {
      const { value: stock, profile: stockProfile } = await cpuProfiled(browser, (b) =>
        stockFirstSync(
          b,
          server.origin,
          '/__bench/index.html',
          `${server.origin}/db`,
          settings,
          username,
        ),
      );
      const { value: app, profile } = await cpuProfiled(browser, (b) =>
        appFirstSync(b, server.origin, username, visibleDocs),
      );
      console.log(
        `${who} run ${run}: app ${(app.ms / 1000).toFixed(1)} s, stock PouchDB from the same /db ` +
          `${(stock.ms / 1000).toFixed(1)} s (app/stock ${(app.ms / stock.ms).toFixed(2)}), ${app.docs} docs`,
      );
      if (run < runs) continue;
      console.log(`stock:\n${summarise(stockProfile, 12)}\napp:\n${summarise(profile, 30)}`);
      if (out) await writeFile(path.join(out, `${who}.cpuprofile`), JSON.stringify(profile));
    }
  }
} finally {
  await browser?.close();
  await stopServer();
  await rm(tmp, { recursive: true, force: true });
}
