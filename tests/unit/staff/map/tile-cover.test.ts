import { describe, expect, it } from 'vitest';
import {
  fittedView,
  routeTiles,
  tileUrl,
  tileXY,
  tilesAround,
  tilesInView,
  type FitOptions,
  type Tile,
} from '$lib/staff/map/tile-cover.ts';

/** The route map's own settings (RouteMap.svelte) on a phone's screen. */
const phone: FitOptions = {
  width: 360,
  height: 352,
  pad: 0.15,
  maxZoom: 15,
  minZoom: 6,
  snap: 0.5,
};

// A volunteer's afternoon around Aberystwyth, and one spread over Ceredigion.
const aber = [
  { lat: 52.4153, lon: -4.0829 },
  { lat: 52.4089, lon: -4.0771 },
  { lat: 52.4201, lon: -4.0702 },
  { lat: 52.3981, lon: -4.0653 },
];
const county = [
  { lat: 52.4153, lon: -4.0829 },
  { lat: 52.0835, lon: -4.6588 },
  { lat: 52.2148, lon: -4.3536 },
  { lat: 52.2528, lon: -3.9352 },
];

const key = (t: Tile) => `${t.z}/${t.x}/${t.y}`;
const tileOf = (p: { lat: number; lon: number }, z: number) => {
  const at = tileXY(p, z);
  return `${z}/${Math.floor(at.x)}/${Math.floor(at.y)}`;
};

describe('tile numbers', () => {
  it('are the slippy map tiles OpenStreetMap names', () => {
    // https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames: the tiles over London and Cardiff.
    expect(tileOf({ lat: 51.5074, lon: -0.1278 }, 10)).toBe('10/511/340');
    expect(tileOf({ lat: 51.4816, lon: -3.1791 }, 13)).toBe('13/4023/2724');
    expect(tileOf({ lat: 0, lon: 0 }, 1)).toBe('1/1/1');
  });
});

describe('the fitted view', () => {
  it('is the largest snapped zoom at which the padded stops fit, as fitBounds picks', () => {
    const view = fittedView(aber, phone);
    expect(view.zoom % 0.5).toBe(0);
    expect(view.tileZoom).toBe(Math.round(view.zoom));
    const [north, south] = [52.4201 + 0.022 * 0.15, 52.3981 - 0.022 * 0.15];
    const [west, east] = [-4.0829 - 0.0176 * 0.15, -4.0653 + 0.0176 * 0.15];
    const spanPixels = (zoom: number) => {
      const scale = 256 * 2 ** zoom;
      const a = tileXY({ lat: north, lon: west }, 0);
      const b = tileXY({ lat: south, lon: east }, 0);
      return { w: (b.x - a.x) * scale, h: (b.y - a.y) * scale };
    };
    const fits = (zoom: number) => {
      const s = spanPixels(zoom);
      return s.w <= phone.width && s.h <= phone.height;
    };
    expect(fits(view.zoom)).toBe(true);
    expect(fits(view.zoom + 0.5)).toBe(false);
  });

  it('stops at the map’s closest zoom for a single stop', () => {
    expect(fittedView([aber[0]!], phone).zoom).toBe(15);
  });

  it('shows the stops, and zooming in from it stays inside it', () => {
    const view = fittedView(county, phone);
    const opening = new Set(tilesInView(view, view.tileZoom).map(key));
    for (const p of county) expect(opening).toContain(tileOf(p, view.tileZoom));
    // A phone's map is a few tiles across.
    expect(opening.size).toBeLessThanOrEqual(4 * 4);
    const closer = tilesInView(view, view.tileZoom + 1);
    expect(closer.length).toBeGreaterThan(opening.size);
    expect(closer.length).toBeLessThanOrEqual(opening.size * 4);
  });
});

describe('tiles around stops', () => {
  it('are the four tiles nearest each stop, each once', () => {
    const stop = aber[0]!;
    const tiles = tilesAround([stop, stop], 16);
    expect(tiles).toHaveLength(4);
    expect(tiles.map(key)).toContain(tileOf(stop, 16));
    // Half a tile of streets on every side of the stop is among them.
    const half = 0.5 / 2 ** 16;
    const at = tileXY(stop, 0);
    for (const [dx, dy] of [
      [-half, -half],
      [half, half],
      [-half, half],
      [half, -half],
    ]) {
      const x = Math.floor((at.x + dx!) * 2 ** 16);
      const y = Math.floor((at.y + dy!) * 2 ** 16);
      expect(tiles.map(key)).toContain(`16/${x}/${y}`);
    }
  });
});

describe('the tiles kept for a route', () => {
  it('are the opening view first, then closer views, never more than asked', () => {
    const tiles = routeTiles(aber, phone, 200);
    expect(tiles.length).toBeLessThanOrEqual(200);
    const view = fittedView(aber, phone);
    expect(tiles.slice(0, tilesInView(view, view.tileZoom).length).map(key)).toEqual(
      tilesInView(view, view.tileZoom).map(key),
    );
    const zooms = tiles.map((t) => t.z);
    expect(zooms).toEqual([...zooms].sort((a, b) => a - b));
    expect(new Set(tiles.map(key)).size).toBe(tiles.length);
  });

  it('keep each stop’s streets at every zoom they reach, even spread over a county', () => {
    const tiles = routeTiles(county, phone, 200);
    const kept = new Set(tiles.map(key));
    const deepest = Math.max(...tiles.map((t) => t.z));
    // Down to street level, and never the zooms past 16 OpenStreetMap asks apps not to gather.
    expect(deepest).toBe(16);
    for (let z = fittedView(county, phone).tileZoom; z <= deepest; z++) {
      for (const p of county) expect(kept).toContain(tileOf(p, z));
    }
  });

  it('are none for no stops, and only what fits in a small allowance', () => {
    expect(routeTiles([], phone, 200)).toEqual([]);
    const few = routeTiles(county, phone, 20);
    expect(few.length).toBeLessThanOrEqual(20);
    expect(few.length).toBeGreaterThan(0);
  });
});

describe('tile addresses', () => {
  it('are made from the template as Leaflet makes them', () => {
    const t = { z: 13, x: 4023, y: 2728 };
    expect(tileUrl('https://tile.openstreetmap.org/{z}/{x}/{y}.png', t)).toBe(
      'https://tile.openstreetmap.org/13/4023/2728.png',
    );
    // {s}: subdomain (x + y) mod 3 of "abc"; {r}: @2x on a dense screen; {-y}: counted from the south.
    expect(tileUrl('https://{s}.tiles.example/{z}/{x}/{-y}{r}.png', t, true)).toBe(
      `https://${'abc'[(4023 + 2728) % 3]}.tiles.example/13/4023/${2 ** 13 - 1 - 2728}@2x.png`,
    );
  });
});
