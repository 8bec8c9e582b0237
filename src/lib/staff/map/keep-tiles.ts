/**
 * The tiles around a volunteer's route, fetched while there is a signal so that the service
 * worker keeps them (src/lib/pwa/tile-cache.ts) and the route's map still draws later in a valley
 * with none. Which tiles: tile-cover.ts, for the route map's own settings (below) at its size.
 * Only tiles the cache does not hold yet are fetched, two at a time, so opening the route again
 * costs the tile server nothing.
 */
import type { GeoPoint } from '#domain/matching/geo-point.ts';
import { tileCacheName } from '$lib/pwa/tile-cache.ts';
import { routeTiles, tileUrl, type FitOptions } from './tile-cover.ts';
import { tileReferrerPolicy } from './tile-layer.ts';
import type { TileSource } from './tile-source.ts';

/** The route map's view (RouteMap.svelte fits its bounds with these). */
export const routeMapView = { pad: 0.15, maxZoom: 15, minZoom: 6, snap: 0.5 } as const;

/**
 * A route's worth, never a bulk download (OpenStreetMap's usage policy forbids gathering areas
 * at zoom 17 and closer for offline use, and tile-cover.ts stops at 16): about 4 MB of its
 * tiles, at most half of what the cache may keep.
 */
const maxKeptTiles = 200;
const typicalTileKb = 20;
const inParallel = 2;

/** Tiles fetched through a worker that does not control the page would not be kept. */
function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
  );
}

type Size = { width: number; height: number };
const sizeKey = 'cymorth-route-map-size';

/** The route map's size as last drawn on this device, so tiles kept elsewhere are its own. */
export function rememberRouteMapSize(size: Size): void {
  if (size.width > 0 && size.height > 0) localStorage.setItem(sizeKey, JSON.stringify(size));
}

/**
 * The route map's size: as last drawn here, or, before it ever was, worked out as the page lays
 * it out (the column of `.width-container` in app.css, 22rem high, less its 1px border).
 */
export function routeMapSize(): Size {
  try {
    const kept = JSON.parse(localStorage.getItem(sizeKey) ?? 'null') as Partial<Size> | null;
    if (kept && Number(kept.width) > 0 && Number(kept.height) > 0) {
      return { width: Number(kept.width), height: Number(kept.height) };
    }
  } catch {
    // Not kept, or not readable: worked out below.
  }
  const page = document.documentElement.clientWidth;
  const column = page >= 1020 ? 960 : page >= 641 ? page - 60 : page - 30;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return { width: column - 2, height: Math.round(22 * rem) - 2 };
}

let previous: Promise<number> = Promise.resolve(0);

/**
 * Keeps the tiles for a map of these points of this size; how many it fetched. Calls take turns
 * (the route changes as tasks sync in), so a tile is not fetched twice at once.
 */
export function keepRouteTiles(
  source: TileSource,
  points: readonly GeoPoint[],
  size: { width: number; height: number },
): Promise<number> {
  previous = previous.then(() => keepNow(source, points, size)).catch(() => 0);
  return previous;
}

async function keepNow(
  source: TileSource,
  points: readonly GeoPoint[],
  size: { width: number; height: number },
): Promise<number> {
  if (!('serviceWorker' in navigator) || !('caches' in window) || !navigator.onLine) return 0;
  const allowance = Math.min(maxKeptTiles, Math.floor((source.cacheMb * 1024) / typicalTileKb / 2));
  if (allowance === 0 || size.width === 0 || size.height === 0) return 0;
  await controlled();
  const fit: FitOptions = { ...routeMapView, ...size };
  const retina = devicePixelRatio > 1;
  const urls = routeTiles(points, fit, allowance).map((t) => tileUrl(source.url, t, retina));
  const cache = await caches.open(tileCacheName);
  const missing: string[] = [];
  for (const url of urls) {
    if (!(await cache.match(url, { ignoreVary: true }))) missing.push(url);
  }
  let next = 0;
  let fetched = 0;
  const fetchInTurn = async () => {
    while (next < missing.length) {
      const url = missing[next++]!;
      try {
        const response = await fetch(url, {
          mode: 'cors',
          credentials: 'omit',
          referrerPolicy: tileReferrerPolicy,
        });
        // Read to the end, so the worker has all of it to keep.
        await response.blob();
        if (response.ok) fetched++;
      } catch {
        return; // The signal went: the rest another time.
      }
    }
  };
  await Promise.all(Array.from({ length: inParallel }, fetchInTurn));
  return fetched;
}
