/**
 * Where the maps' background tiles come from (`TILE_URL`), the credit their owner asks for, and
 * how much of them a device keeps for offline use (`TILE_CACHE_MB`). By default OpenStreetMap's
 * standard tiles, whose usage policy asks for "© OpenStreetMap contributors" linked to their
 * copyright page; a real deployment should run or rent its own tile server (README, "Maps").
 * Checked once at start-up, like every setting (config.ts).
 */
import { integer } from '../env/integer-setting.ts';

export type TileSource = {
  /** A template with `{z}`, `{x}` and `{y}` (Leaflet's), on http(s). */
  url: string;
  attribution: string;
  attributionUrl: string;
  /**
   * Megabytes of tiles a device's service worker keeps, oldest out first (vite.config.ts,
   * src/lib/pwa/tile-cache.ts); 0 keeps none.
   */
  cacheMb: number;
};

/** About 2,500 of OpenStreetMap's tiles (20 KB each, typically): a county's towns, several zooms. */
export const defaultTileCacheMb = 50;

export const openStreetMapTiles: TileSource = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
  attributionUrl: 'https://www.openstreetmap.org/copyright',
  cacheMb: defaultTileCacheMb,
};

const httpUrl = (raw: string) => {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};

/** The tile source the environment names, or OpenStreetMap's; a malformed one fails start-up. */
export function tileSource(env: NodeJS.ProcessEnv): TileSource {
  const cacheMb = integer(env, 'TILE_CACHE_MB', defaultTileCacheMb, 0, 2000);
  const url = env.TILE_URL?.trim();
  if (!url) return { ...openStreetMapTiles, cacheMb };
  const placeholders = ['{z}', '{x}', '{y}'].every((p) => url.includes(p));
  if (!placeholders || httpUrl(url.replace(/\{[a-z]\}/g, '0')) === null) {
    throw new Error(
      'TILE_URL must be an http(s) URL with {z}, {x} and {y}, such as https://tiles.example/{z}/{x}/{y}.png',
    );
  }
  const attribution = env.TILE_ATTRIBUTION?.trim();
  const attributionUrl = env.TILE_ATTRIBUTION_URL?.trim();
  if (!attribution)
    throw new Error("TILE_ATTRIBUTION must name the tiles' owner when TILE_URL is set");
  if (attributionUrl && httpUrl(attributionUrl) === null) {
    throw new Error('TILE_ATTRIBUTION_URL must be an http(s) URL');
  }
  return { url, attribution, attributionUrl: attributionUrl ?? '', cacheMb };
}

/** The origin tiles are fetched from, for the Content-Security-Policy's `img-src`. */
export const tileOrigin = (source: TileSource): string =>
  new URL(source.url.replace(/\{[a-z]\}/g, '0')).origin;
