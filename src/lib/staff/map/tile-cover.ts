/**
 * Which map tiles show a volunteer's route, worked out without a map, so a page can have them
 * kept for offline use before the volunteer sets off (keep-tiles.ts). Pure: Web Mercator tile
 * numbers (https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames), Leaflet's own rules for the
 * zoom `fitBounds` picks and for the tile addresses, so the tiles named are the ones the map asks
 * for, and a bound on how many.
 */
import type { GeoPoint } from '#domain/matching/geo-point.ts';

export type Tile = { z: number; x: number; y: number };

/** Leaflet's tiles are 256 pixels square. */
const tileSize = 256;

/** Where a point falls at zoom z, in tiles (fractional): Web Mercator, as Leaflet projects. */
export function tileXY(p: GeoPoint, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const lat = Math.max(-85.0511287798, Math.min(85.0511287798, p.lat)) * (Math.PI / 180);
  const x = ((p.lon + 180) / 360) * n;
  const y = ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n;
  return { x, y };
}

const clampTile = (v: number, z: number) => Math.max(0, Math.min(2 ** z - 1, Math.floor(v)));

/** Points' bounds grown by `ratio` of their size on each side, as Leaflet's `LatLngBounds.pad`. */
function paddedBounds(points: readonly GeoPoint[], ratio: number) {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [south, north, west, east] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lons),
    Math.max(...lons),
  ];
  const dLat = (north - south) * ratio;
  const dLon = (east - west) * ratio;
  return {
    nw: { lat: north + dLat, lon: west - dLon },
    se: { lat: south - dLat, lon: east + dLon },
  };
}

export type FitOptions = {
  /** The map's size in pixels. */
  width: number;
  height: number;
  /** As the map is told: `pad()` of the bounds, `maxZoom` of `fitBounds`, its `zoomSnap`. */
  pad: number;
  maxZoom: number;
  minZoom: number;
  snap: number;
};

/** What a map fitted to some points shows: its centre and half its size, in zoom-0 tiles. */
export type MapView = {
  centre: { x: number; y: number };
  halfWidth: number;
  halfHeight: number;
  /** The map's zoom, and the zoom of the tiles it draws (`GridLayer` rounds the map's). */
  zoom: number;
  tileZoom: number;
};

/**
 * The view Leaflet's `fitBounds` gives these points: centred on their padded bounds, at the
 * largest zoom, a multiple of `snap` and no more than `maxZoom`, at which they fit (its
 * `getBoundsZoom`, whose rounding this repeats).
 */
export function fittedView(points: readonly GeoPoint[], fit: FitOptions): MapView {
  const { nw, se } = paddedBounds(points, fit.pad);
  const a = tileXY(nw, 0);
  const b = tileXY(se, 0);
  const scale = Math.min(
    fit.width / Math.max((b.x - a.x) * tileSize, 1e-12),
    fit.height / Math.max((b.y - a.y) * tileSize, 1e-12),
  );
  let zoom = Math.log2(scale);
  zoom = Math.round(zoom / (fit.snap / 100)) * (fit.snap / 100);
  zoom = Math.floor(zoom / fit.snap) * fit.snap;
  zoom = Math.max(fit.minZoom, Math.min(fit.maxZoom, zoom));
  const pixels = tileSize * 2 ** zoom;
  return {
    centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    halfWidth: fit.width / 2 / pixels,
    halfHeight: fit.height / 2 / pixels,
    zoom,
    tileZoom: Math.round(zoom),
  };
}

/**
 * The tiles of that view's area at zoom z: at its own zoom, the map as it opens; closer, every
 * view of zooming in from there without moving it.
 */
export function tilesInView(view: MapView, z: number): Tile[] {
  const n = 2 ** z;
  const tiles: Tile[] = [];
  const [x0, x1] = [view.centre.x - view.halfWidth, view.centre.x + view.halfWidth];
  const [y0, y1] = [view.centre.y - view.halfHeight, view.centre.y + view.halfHeight];
  for (let x = clampTile(x0 * n, z); x <= clampTile(x1 * n, z); x++) {
    for (let y = clampTile(y0 * n, z); y <= clampTile(y1 * n, z); y++) tiles.push({ z, x, y });
  }
  return tiles;
}

/**
 * The four tiles nearest each point at zoom z (its own and the three towards the side of it the
 * point is nearer), each tile once: at least half a tile of streets all round every point.
 */
export function tilesAround(points: readonly GeoPoint[], z: number): Tile[] {
  const seen = new Map<string, Tile>();
  for (const p of points) {
    const at = tileXY(p, z);
    const sideX = at.x % 1 < 0.5 ? -1 : 1;
    const sideY = at.y % 1 < 0.5 ? -1 : 1;
    for (const dx of [0, sideX]) {
      for (const dy of [0, sideY]) {
        const tile = { z, x: clampTile(at.x + dx, z), y: clampTile(at.y + dy, z) };
        seen.set(`${tile.x}/${tile.y}`, tile);
      }
    }
  }
  return [...seen.values()];
}

/**
 * The tiles to keep for a route, at most `maxTiles`, in the order they matter: the whole view
 * the map opens on, and at the next zoom in; then, zoom by zoom to `lastZoom`, the streets
 * around each point. A zoom that does not fit in what is left ends the list. Closer zooms come
 * after wider ones because a person zooms in through them; the whole view is not kept at every
 * zoom, since it grows fourfold a zoom and would spend the allowance on the hills between stops.
 */
export function routeTiles(
  points: readonly GeoPoint[],
  fit: FitOptions,
  maxTiles: number,
  lastZoom = 16,
): Tile[] {
  if (points.length === 0) return [];
  const view = fittedView(points, fit);
  const chosen: Tile[] = [];
  for (let z = view.tileZoom; z <= lastZoom; z++) {
    const level = z <= view.tileZoom + 1 ? tilesInView(view, z) : tilesAround(points, z);
    if (level.length > maxTiles - chosen.length) break;
    chosen.push(...level);
  }
  return chosen;
}

/**
 * A tile's address from the template, as Leaflet's `TileLayer.getTileUrl` makes it (its default
 * subdomains `abc` for `{s}`; `{r}` is `@2x` on a screen of more than one pixel a point, which
 * Leaflet calls retina), so it is the very request the map makes and the cache holds.
 */
export function tileUrl(template: string, tile: Tile, retina = false): string {
  const subdomains = 'abc';
  const values: Record<string, string> = {
    z: String(tile.z),
    x: String(tile.x),
    y: String(tile.y),
    '-y': String(2 ** tile.z - 1 - tile.y),
    s: subdomains[Math.abs(tile.x + tile.y) % subdomains.length]!,
    r: retina ? '@2x' : '',
  };
  return template.replace(/\{ *([\w_ -]+) *\}/g, (whole, key: string) => values[key] ?? whole);
}
