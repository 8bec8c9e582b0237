/**
 * The maps' tile source as the server gives it, and the Content-Security-Policy letting pages
 * load images from that server alone (beside their own origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server/test-server.ts';

const tiles = {
  url: 'https://tiles.example:8443/{z}/{x}/{y}.png',
  attribution: '© Tiles Example',
  attributionUrl: 'https://tiles.example/copyright',
  cacheMb: 20,
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ tiles });
});
afterAll(() => server.close());

describe('GET /api/map/tiles', () => {
  it('answers the tile source, to anyone, without caching it stale', async () => {
    const res = await fetch(`${server.url}/api/map/tiles`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.json()).toEqual(tiles);
  });

  it('lets pages, the service worker and other answers reach the tile server, and no other', async () => {
    for (const path of ['/', '/sw.js', '/healthz']) {
      const res = await fetch(`${server.url}${path}`, { headers: { Accept: 'text/html' } });
      const policy = res.headers.get('Content-Security-Policy') ?? '';
      const directive = (name: string) => policy.split('; ').find((d) => d.startsWith(name));
      expect(directive('img-src')).toBe("img-src 'self' data: blob: https://tiles.example:8443");
      // The worker keeps tiles for offline use, and a page warms it with a volunteer's stops.
      expect(directive('connect-src')).toBe("connect-src 'self' https://tiles.example:8443");
    }
  });
});
