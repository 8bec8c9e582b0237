/**
 * Map tiles for the e2e tests: every request to OpenStreetMap's tile server (the default
 * `TILE_URL`) answered here with a 1×1 PNG, so no test reaches the internet. Returns a count of
 * the tiles served.
 */
import type { BrowserContext } from '@playwright/test';

const tile = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export async function serveFixtureTiles(context: BrowserContext): Promise<() => number> {
  let served = 0;
  await context.route('https://tile.openstreetmap.org/**', (route) => {
    served++;
    return route.fulfill({ status: 200, contentType: 'image/png', body: tile });
  });
  return () => served;
}
