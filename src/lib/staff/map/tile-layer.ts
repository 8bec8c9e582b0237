/**
 * The tiles a map draws on (tile-source.ts), with their owner's credit: the text comes from the
 * server's settings, so it is escaped, never taken as markup. Returns how to take them off again.
 * Tiles are asked for with CORS (`crossOrigin`), so the service worker keeps them knowing their
 * size (src/lib/pwa/tile-cache.ts): the tile server must send `Access-Control-Allow-Origin`, as
 * OpenStreetMap's does (README, "Maps"). They go with this site's origin as their referrer, and
 * nothing more of the page's address: OpenStreetMap's tile policy asks for a referrer, and the
 * server's own `Referrer-Policy: no-referrer` would send none.
 */
import type * as Leaflet from 'leaflet';
import type { TileSource } from './tile-source.ts';

/** Tiles are asked for with the site's origin as referrer (also by keep-tiles.ts). */
export const tileReferrerPolicy = 'strict-origin';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function addTiles(L: typeof Leaflet, map: Leaflet.Map, tiles: TileSource): () => void {
  const credit = tiles.attributionUrl
    ? `<a href="${escape(tiles.attributionUrl)}">${escape(tiles.attribution)}</a>`
    : escape(tiles.attribution);
  const layer = L.tileLayer(tiles.url, {
    attribution: credit,
    maxZoom: 18,
    crossOrigin: true,
    referrerPolicy: tileReferrerPolicy,
  }).addTo(map);
  return () => void layer.remove();
}
