/**
 * The e2e `test`: a real Cymorth server per worker (or per test, with `ownServer`), `baseURL`
 * pointing at it, and the resident's app, phone and the server side as fixtures.
 */
import { test as base } from '@playwright/test';
import { Cymorth } from './pages/cymorth.ts';
import { startAppServer, type AppServer } from './support/app/app-server.ts';
import { Device } from './support/app/device.ts';
import { watchHydration } from './support/hydration.ts';
import { ServerSide } from './support/app/server-side.ts';
import { startFixtureTiles, type FixtureTiles } from './support/map/fixture-tiles.ts';

type Options = {
  /** A server of the test's own, whose files it may change (publishing a new version). */
  ownServer: boolean;
};

type TestFixtures = {
  appServer: AppServer;
  server: ServerSide;
  cymorth: Cymorth;
  device: Device;
};

type WorkerFixtures = {
  workerServer: AppServer;
  /** The maps' tile server every app server names: local, never the internet. */
  tiles: FixtureTiles;
};

export const test = base.extend<Options & TestFixtures, WorkerFixtures>({
  ownServer: [false, { option: true }],

  tiles: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern
    async ({}, use) => {
      const tiles = await startFixtureTiles();
      await use(tiles);
      await tiles.close();
    },
    { scope: 'worker' },
  ],

  workerServer: [
    async ({ tiles }, use) => {
      const server = await startAppServer(tiles.source);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  appServer: async ({ ownServer, workerServer, tiles }, use) => {
    if (!ownServer) return use(workerServer);
    const server = await startAppServer(tiles.source);
    await use(server);
    await server.close();
  },

  baseURL: async ({ appServer }, use) => use(appServer.url),

  page: async ({ page }, use) => {
    await watchHydration(page);
    await use(page);
  },

  server: async ({ appServer, request }, use) => use(new ServerSide(appServer, request)),
  cymorth: async ({ page }, use) => use(new Cymorth(page)),
  device: async ({ page, context }, use) => use(new Device(page, context)),
});

export { expect } from '@playwright/test';
