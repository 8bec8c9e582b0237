/**
 * The maps' tiles, kept by the service worker for offline use within `TILE_CACHE_MB` (the server's
 * setting, sent with the tile template by `GET /api/map/tiles`), oldest out first.
 *
 * Which requests are tiles: every request from a page to another origin. The tile origin is set
 * at run time (`TILE_URL`), so the worker cannot be built knowing it, and a template need not look
 * like `/{z}/{x}/{y}.png`; but the pages' Content-Security-Policy lets them reach exactly one other
 * origin, the tile server's (sync-server/http/security-headers.ts), so whatever crosses origins is
 * a tile. Links out to other maps are navigations, which this worker never sees.
 *
 * How: stale-while-revalidate (a tile draws at once from the cache, and is refreshed through the
 * browser's HTTP cache, which honours the tile server's caching headers, as OpenStreetMap's usage
 * policy asks), with the plugin below keeping the cache under the limit. Workbox's own
 * ExpirationPlugin counts entries, not bytes, and is fixed when the worker is built; this one
 * counts each tile's bytes (the responses are CORS, not opaque: tile-layer.ts asks with
 * `crossOrigin`, so their size is known and Chromium does not pad them to megabytes in the quota)
 * and reads the limit from the server's answer, which the worker keeps (`isMapSourceRequest`).
 *
 * This code is not bundled: vite.config.ts hands these objects to Workbox's generateSW, which
 * writes each function's source into sw.js. So every function here is self-contained (no imports,
 * no module-level names; state lives on the plugin, reached through `this`), and is written as a
 * `function` expression, since Workbox's serialiser breaks method shorthand.
 */

/** The cache of tiles; the route page reads it to warm only what is missing (keep-tiles.ts). */
export const tileCacheName = 'cymorth-tiles';

type MatchContext = { sameOrigin: boolean; url: URL };

/** A tile request, as Workbox asks a route (see above for why this is enough). */
export const isTileRequest = function isTileRequest({ sameOrigin }: MatchContext): boolean {
  return !sameOrigin;
};

/** The server's answer naming the tiles and the limit: from the network, else as last kept. */
export const isMapSourceRequest = function isMapSourceRequest({
  sameOrigin,
  url,
}: MatchContext): boolean {
  return sameOrigin && url.pathname === '/api/map/tiles';
};

/** Where the worker keeps that answer: `cacheDidUpdate` below names it again, as it must. */
export const mapSourceCacheName = 'cymorth-map-source';

/** What the plugin remembers between tiles, on itself, for as long as the worker runs. */
type TileCacheState = {
  /** Tiles' sizes, so each is read from the cache once a start, not at every tile stored. */
  sizes?: Map<string, number>;
  /** Updates take turns, so two tiles stored at once do not both count from one total. */
  queue?: Promise<void>;
};

type TileCachePlugin = TileCacheState & {
  cacheDidUpdate(
    this: TileCacheState,
    param: { cacheName: string; request: Request; newResponse?: Response },
  ): Promise<void>;
};

/**
 * After each tile is stored: its size noted, and the oldest tiles dropped until the rest fit the
 * limit (all of them when it is 0). Workbox accepts only its own callbacks on a plugin, so the
 * helpers are inside.
 */
export const tileCachePlugin: TileCachePlugin = {
  cacheDidUpdate: async function cacheDidUpdate({ cacheName, request, newResponse }) {
    const bytesOf = async (response: Response) => {
      const length = Number(response.headers.get('Content-Length'));
      return Number.isInteger(length) && length > 0 ? length : (await response.blob()).size;
    };
    const limitBytes = async () => {
      let mb = 50; // The server's default (sync-server/map/tile-source.ts), until it has said.
      try {
        const kept = await caches.match(new URL('/api/map/tiles', location.origin).href, {
          cacheName: 'cymorth-map-source',
        });
        const told: unknown = kept ? ((await kept.json()) as { cacheMb?: unknown }).cacheMb : null;
        if (typeof told === 'number' && told >= 0) mb = told;
      } catch {
        // An answer that is not JSON: the default.
      }
      return mb * 1024 * 1024;
    };
    const keep = async (url: string, response: Response) => {
      const cache = await caches.open(cacheName);
      const sizes = (this.sizes ??= new Map<string, number>());
      sizes.set(url, await bytesOf(response));
      // The cache's own order is the age: a put replaces an entry and makes it the newest
      // (https://w3c.github.io/ServiceWorker/#batch-cache-operations-algorithm).
      const entries: [string, number][] = [];
      for (const key of await cache.keys()) {
        let bytes = sizes.get(key.url);
        if (bytes === undefined) {
          const cached = await cache.match(key);
          bytes = cached ? await bytesOf(cached) : 0;
          sizes.set(key.url, bytes);
        }
        entries.push([key.url, bytes]);
      }
      const limit = await limitBytes();
      let total = entries.reduce((sum, [, bytes]) => sum + bytes, 0);
      for (const [old, bytes] of entries) {
        if (total <= limit) break;
        await cache.delete(old);
        sizes.delete(old);
        total -= bytes;
      }
    };
    if (!newResponse) return;
    const response = newResponse;
    const turn = (this.queue ?? Promise.resolve()).then(() => keep(request.url, response));
    // A failed turn (storage gone) must not stop the next one.
    this.queue = turn.catch(() => undefined);
    return this.queue;
  },
};
