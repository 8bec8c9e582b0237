import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles, inlineScripts, secretMarker } from '../../support/server/static-fixture.ts';
import { rawGet } from '../../support/server/raw-http.ts';
import { startTestServer, type TestServer } from '../../support/server/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers: { Accept: 'text/html,*/*;q=0.8', ...headers } });

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const scriptSrc = (res: Response) =>
  res.headers
    .get('Content-Security-Policy')
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src '));

describe('pages', () => {
  it.each([
    ['/', 'index.html'],
    ['/en/request/kind', 'en/request/kind.html'],
    ['/en/request/kind.html', 'en/request/kind.html'],
  ])('%s serves %s', async (path, file) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toBe(fixtureFiles[file]);
  });

  it('allows exactly the inline scripts of the page served, never unsafe-inline', async () => {
    const home = await get('/');
    expect(scriptSrc(home)).toBe(`script-src 'self' ${sha256(inlineScripts.index)}`);
    const kind = await get('/en/request/kind');
    expect(scriptSrc(kind)).toBe(`script-src 'self' ${sha256(inlineScripts.kind)}`);
    const crlf = await get('/cy/crlf');
    expect(scriptSrc(crlf)).toBe(
      `script-src 'self' ${sha256(inlineScripts.crlf.replace(/\r\n/g, '\n'))}`,
    );
    const csp = home.headers.get('Content-Security-Policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      // And the maps' tile server (tests/integration/http/map-tiles.test.ts).
      "img-src 'self' data: blob: https://tile.openstreetmap.org",
      "connect-src 'self' https://tile.openstreetmap.org",
      "worker-src 'self'",
      "manifest-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp.split('; ')).toContain(directive);
    }
    expect(home.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('redirects a trailing slash to the path without it, on this site only', async () => {
    const res = await get('/en/request/kind/?step=2', {});
    expect(res.redirected).toBe(true);
    expect(new URL(res.url).pathname + new URL(res.url).search).toBe('/en/request/kind?step=2');
    const raw = await rawGet(server.port, '/en/request/kind/');
    expect(raw.status).toBe(308);
    expect(raw.headers.location).toBe('/en/request/kind');
    const offsite = await rawGet(server.port, '//evil.example/');
    expect(offsite.status).toBe(308);
    expect(offsite.headers.location).toBe('/evil.example');
  });

  it('answers the pages only a device knows with 200.html (SPA fallback) and its own script hash', async () => {
    const res = await get('/en/staff/requests/4a5b6c');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(fixtureFiles['200.html']);
    expect(scriptSrc(res)).toBe(`script-src 'self' ${sha256(inlineScripts.fallback)}`);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('does not fall back for clients that do not want HTML', async () => {
    const res = await fetch(`${server.url}/en/request/unknown-step`, {
      headers: { Accept: 'application/json' },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('not_found');
  });

  it('answers a missing file with an extension with 404', async () => {
    for (const path of ['/missing.js', '/_app/immutable/missing.css', '/en/nothing.html']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBe('not_found');
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Length')).toBe(String(fixtureFiles['index.html']!.length));
    expect(await res.text()).toBe('');
  });
});

describe('caching', () => {
  it.each([
    [
      '/_app/immutable/x.js',
      'public, max-age=31536000, immutable',
      'text/javascript; charset=utf-8',
    ],
    ['/sw.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/workbox-abc123.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/manifest.webmanifest', 'no-cache', 'application/manifest+json; charset=utf-8'],
    ['/_app/version.json', 'no-cache', 'application/json; charset=utf-8'],
    ['/favicon.png', 'public, max-age=300', 'image/png'],
    ['/locales/cy/common.json', 'public, max-age=300', 'application/json; charset=utf-8'],
  ])('%s → Cache-Control %s, Content-Type %s', async (path, cacheControl, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe(cacheControl);
    expect(res.headers.get('Content-Type')).toBe(type);
    expect(await res.text()).toBe(fixtureFiles[path.slice(1)]);
  });

  it.each(['/', '/sw.js', '/_app/immutable/x.js'])(
    'answers a matching If-None-Match on %s with 304 and no body',
    async (path) => {
      const first = await get(path);
      const etag = first.headers.get('ETag');
      expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
      const again = await get(path, { 'If-None-Match': `"other", ${etag}` });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('ETag')).toBe(etag);
      expect(again.headers.get('X-Content-Type-Options')).toBe('nosniff');
      // A 304's headers replace the cached ones, so a page's 304 must keep its script hashes.
      expect(scriptSrc(again)).toBe(scriptSrc(first));
      const stale = await get(path, { 'If-None-Match': 'W/"0-0"' });
      expect(stale.status).toBe(200);
    },
  );
});

describe('compression', () => {
  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['identity', null],
  ])('Accept-Encoding %s → %s', async (accept, expected) => {
    const res = await get('/_app/immutable/x.js', { 'Accept-Encoding': accept });
    expect(res.headers.get('Content-Encoding')).toBe(expected);
    expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/i);
    expect(await res.text()).toBe(fixtureFiles['_app/immutable/x.js']);
  });

  it('compresses pages and API JSON but not images', async () => {
    const page = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(page.headers.get('Content-Encoding')).toBe('gzip');
    const api = await get('/healthz', { 'Accept-Encoding': 'br' });
    expect(api.headers.get('Content-Encoding')).toBe('br');
    expect(await api.json()).toEqual({ ok: true });
    const image = await get('/favicon.png', { 'Accept-Encoding': 'gzip, br' });
    expect(image.headers.get('Content-Encoding')).toBeNull();
  });
});

describe('nothing outside the static directory is served', () => {
  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/_app/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/index.html%00.png',
    '/%00',
    '/linked-secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/.%2e/secret.txt',
  ])('%s', async (path) => {
    const res = await rawGet(server.port, path, { Accept: 'text/html' });
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain(secretMarker);
    expect(JSON.parse(res.body)).toMatchObject({ error: expect.any(String) as string });
  });

  it('refuses encoded dot segments, encoded slashes and NUL bytes with 400', async () => {
    // `/a%2F` once redirected to itself for ever (found by the fuzz suite).
    for (const path of [
      '/..%2fsecret.txt',
      '/index.html%00.png',
      '/%c0%ae',
      '/a%2F',
      '/en%2Fabout',
    ]) {
      const res = await rawGet(server.port, path);
      expect(res.status).toBe(400);
    }
  });
});
