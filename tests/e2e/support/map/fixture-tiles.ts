/**
 * Map tiles for the e2e tests: a tile server of their own on 127.0.0.1 (another origin than the
 * app's, as a real one is), answering every `/{z}/{x}/{y}.png` with a small PNG and the CORS
 * header the maps ask for, so no test reaches the internet. Every app server the tests start
 * names it as `TILE_URL` (fixtures.ts). It counts the tiles it serves, so a test can tell a tile
 * drawn from the service worker's cache from one fetched.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page } from '@playwright/test';
import type { TileSource } from '../../../../sync-server/map/tile-source.ts';

const tile = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export type FixtureTiles = {
  source: TileSource;
  /** The tiles served so far, by path (`/13/4001/2712.png`), in order. */
  served(): string[];
  /** The distinct \`Referer\` headers the tiles were asked for with ('' for none). */
  referrers(): string[];
  close(): Promise<void>;
};

export async function startFixtureTiles(): Promise<FixtureTiles> {
  const served: string[] = [];
  const referrers = new Set<string>();
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || !/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404).end();
      return;
    }
    served.push(req.url!);
    referrers.add(req.headers.referer ?? '');
    res
      .writeHead(200, {
        'Content-Type': 'image/png',
        'Content-Length': tile.length,
        'Access-Control-Allow-Origin': '*',
        // Only the service worker's cache can draw a tile offline, never the browser's HTTP cache.
        'Cache-Control': 'no-store',
      })
      .end(tile);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    source: {
      url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
      attribution: '© OpenStreetMap contributors',
      attributionUrl: 'https://www.openstreetmap.org/copyright',
      cacheMb: 50,
    },
    served: () => [...served],
    referrers: () => [...referrers],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The zoom of a tile `<img>`, from its address (`/{z}/{x}/{y}.png`). */
const zoomOf = (src: string) => Number(/\/(\d+)\/\d+\/\d+\.png$/.exec(src)?.[1] ?? NaN);

/** The closest zoom of the tiles the map has made `<img>`s for. */
export async function shownTileZoom(page: Page): Promise<number> {
  const sources = await page
    .locator('.leaflet-tile-container img')
    .evaluateAll((all) => all.map((i) => (i as HTMLImageElement).src));
  return Math.max(...sources.map(zoomOf));
}

/**
 * Every tile the map shows has drawn: each `<img>` Leaflet made (at `zoom`, when given: after a
 * zoom, the level it went to, which must be there) has loaded an image.
 */
export async function expectTilesDrawn(page: Page, zoom?: number): Promise<void> {
  const images = page.locator('.leaflet-tile-container img');
  await expect
    .poll(async () => {
      const all = await images.evaluateAll((imgs) =>
        imgs.map((i) => ({
          src: (i as HTMLImageElement).src,
          drawn: (i as HTMLImageElement).naturalWidth > 0,
        })),
      );
      const level = zoom === undefined ? all : all.filter((i) => zoomOf(i.src) === zoom);
      const drawn = level.filter((i) => i.drawn).length;
      return level.length > 0 && drawn === level.length
        ? 'all drawn'
        : `${drawn} of ${level.length}`;
    })
    .toBe('all drawn');
}
