import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../sync-server/config.ts';
import { openStreetMapTiles, tileOrigin } from '../../../sync-server/map/tile-source.ts';

describe('TILE_URL', () => {
  it("is OpenStreetMap's standard tiles, with their credit, when unset", () => {
    expect(readConfig({}).tiles).toEqual(openStreetMapTiles);
    expect(tileOrigin(openStreetMapTiles)).toBe('https://tile.openstreetmap.org');
  });

  it('names another tile server, whose owner must be credited', () => {
    const tiles = readConfig({
      TILE_URL: ' https://tiles.example:8443/osm/{z}/{x}/{y}.png ',
      TILE_ATTRIBUTION: '© Our tiles',
      TILE_ATTRIBUTION_URL: 'https://tiles.example/about',
    }).tiles;
    expect(tiles).toEqual({
      url: 'https://tiles.example:8443/osm/{z}/{x}/{y}.png',
      attribution: '© Our tiles',
      attributionUrl: 'https://tiles.example/about',
      cacheMb: 50,
    });
    expect(tileOrigin(tiles)).toBe('https://tiles.example:8443');
  });

  it.each([
    ['ftp://tiles.example/{z}/{x}/{y}.png'],
    ['https://tiles.example/{z}/{x}.png'],
    ['tiles.example/{z}/{x}/{y}.png'],
    ['javascript:alert(1)//{z}{x}{y}'],
  ])('fails loudly on %s', (url) => {
    expect(() => readConfig({ TILE_URL: url, TILE_ATTRIBUTION: 'x' })).toThrow(/TILE_URL/);
  });

  it('fails loudly without a credit, or with a credit link that is not http(s)', () => {
    const url = 'https://tiles.example/{z}/{x}/{y}.png';
    expect(() => readConfig({ TILE_URL: url })).toThrow(/TILE_ATTRIBUTION/);
    expect(() =>
      readConfig({ TILE_URL: url, TILE_ATTRIBUTION: 'x', TILE_ATTRIBUTION_URL: 'javascript:x' }),
    ).toThrow(/TILE_ATTRIBUTION_URL/);
  });
});

describe('TILE_CACHE_MB', () => {
  it('keeps 50 MB of tiles on a device unless told otherwise, whichever the tile server', () => {
    expect(readConfig({}).tiles.cacheMb).toBe(50);
    expect(readConfig({ TILE_CACHE_MB: '200' }).tiles.cacheMb).toBe(200);
    const own = { TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png', TILE_ATTRIBUTION: 'x' };
    expect(readConfig({ ...own, TILE_CACHE_MB: '0' }).tiles.cacheMb).toBe(0);
  });

  it.each([['-1'], ['2.5'], ['lots'], ['2001']])('fails loudly on %s', (value) => {
    expect(() => readConfig({ TILE_CACHE_MB: value })).toThrow(/TILE_CACHE_MB/);
  });
});
