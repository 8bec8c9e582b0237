/**
 * The real sync server, in this process: `createApp` on PouchDB/LevelDB in a fresh data directory,
 * serving a copy of the built app. Running it here rather than as a child process lets a test read
 * what the server stored (through the same `Storage` the server writes with, so no second handle
 * fights it for the LevelDB lock) and lets a test change the served files to publish a new version.
 */
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../../../sync-server/app.ts';
import { listen } from '../../../../sync-server/http/listen.ts';
import { openPouchStorage } from '../../../../sync-server/storage/pouch-storage.ts';
import type { Storage } from '../../../../sync-server/storage/storage.ts';
import type { TileSource } from '../../../../sync-server/map/tile-source.ts';

export type AppServer = {
  url: string;
  /** The files this server serves; a test may change them. */
  staticDir: string;
  storage: Storage;
  close(): Promise<void>;
};

/** Set by global-setup.ts: the build this run tests, copied away from `build/`. */
export function builtAppDir(): string {
  const dir = process.env.CYMORTH_E2E_BUILD;
  if (!dir)
    throw new Error('CYMORTH_E2E_BUILD is not set: run the suite with `npx playwright test`');
  return dir;
}

/**
 * Publishes a new version of the app on this server: the service worker script changes (as it does
 * with every build), so browsers that check for updates install it and keep it waiting.
 */
export async function publishNewVersion(server: AppServer): Promise<void> {
  await appendFile(path.join(server.staticDir, 'sw.js'), `\n// e2e: new version ${Date.now()}\n`);
}

/** `tiles`: the maps' tile server, the tests' own (support/map/fixture-tiles.ts). */
export async function startAppServer(tiles: TileSource): Promise<AppServer> {
  const root = await mkdtemp(path.join(tmpdir(), 'cymorth-e2e-server-'));
  const staticDir = path.join(root, 'static');
  // Each server gets its own copy, so a test that publishes a new version changes only its own.
  await cp(builtAppDir(), staticDir, { recursive: true });
  const storage = await openPouchStorage(path.join(root, 'data'));
  const app = createApp({
    storage,
    staticDir,
    // Every test submits from 127.0.0.1; the limit is for the integration tests to check.
    rateLimitPerMinute: 10_000,
    trustedProxies: 0,
    tiles,
  });
  const server = await listen(app, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${server.port}`,
    staticDir,
    storage,
    close: async () => {
      await server.close(500);
      await storage.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
