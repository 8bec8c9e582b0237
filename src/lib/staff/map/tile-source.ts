/**
 * Where the maps' tiles come from, as the server says (`GET /api/map/tiles`, `TILE_URL`), kept on
 * the device so a map opened offline still knows (its tiles may be cached; its pins always show).
 */
export type TileSource = {
  url: string;
  attribution: string;
  attributionUrl: string;
  /** Megabytes of tiles the service worker keeps (`TILE_CACHE_MB`, src/lib/pwa/tile-cache.ts). */
  cacheMb: number;
};

const storageKey = 'cymorth-map-tiles';

function asTileSource(value: unknown): TileSource | null {
  if (typeof value !== 'object' || value === null) return null;
  const { url, attribution, attributionUrl, cacheMb } = value as Record<string, unknown>;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return null;
  if (typeof attribution !== 'string' || typeof attributionUrl !== 'string') return null;
  // An answer kept before the server said how much to keep: its default.
  return { url, attribution, attributionUrl, cacheMb: typeof cacheMb === 'number' ? cacheMb : 50 };
}

function held(): TileSource | null {
  try {
    return asTileSource(JSON.parse(localStorage.getItem(storageKey) ?? 'null'));
  } catch {
    return null;
  }
}

/** The server's answer when it gives one, else the one last kept; null when neither. */
export async function tileSource(): Promise<TileSource | null> {
  try {
    const response = await fetch('/api/map/tiles');
    const source = response.ok ? asTileSource(await response.json()) : null;
    if (source) {
      localStorage.setItem(storageKey, JSON.stringify(source));
      return source;
    }
  } catch {
    // Offline: the one kept below.
  }
  return held();
}
