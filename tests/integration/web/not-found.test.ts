/**
 * An address the app does not have (issue 9): on main it answered 200 with the SPA fallback, which
 * showed SvelteKit's bare English "404 Not Found", under /cy too. Now the server sends the styled
 * not-found page with a 404, in the address's language, or both on a neutral address; the pages a
 * device answers from its replica (a request, a volunteer) still get the SPA fallback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../support/server/static-fixture.ts';
import { startTestServer, type TestServer } from '../../support/server/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { Accept: 'text/html,*/*;q=0.8' } });

describe('an unknown address', () => {
  it.each([
    ['/cy/dim-tudalen-fan-hyn', 'cy/not-found.html'],
    ['/cy/request/unknown-step', 'cy/not-found.html'],
    ['/en/request/unknown-step', 'en/not-found.html'],
    ['/en/staff/requests/abc/unknown', 'en/not-found.html'],
    ['/nothing-here', 'not-found.html'],
    ['/cymraeg/x', 'not-found.html'],
  ])('%s answers 404 with %s', async (path, file) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self' 'sha256-");
    expect(await res.text()).toBe(fixtureFiles[file]);
  });

  it('answers HEAD with the 404 and no body, and never a 304', async () => {
    const head = await get('/en/nowhere', { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
    const again = await fetch(`${server.url}/en/nowhere`, {
      headers: { Accept: 'text/html', 'If-None-Match': head.headers.get('ETag') ?? '*' },
    });
    expect(again.status).toBe(404);
  });

  it('still answers JSON to a client that does not want HTML', async () => {
    const res = await fetch(`${server.url}/cy/nowhere`, {
      headers: { Accept: 'application/json' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', reason: expect.any(String) });
  });
});

describe('the pages a device answers from its replica', () => {
  it.each([
    '/cy/staff/requests/4a5b6c',
    '/en/staff/requests/4a5b6c/consent',
    '/cy/staff/volunteers/v-1/areas',
    '/en/staff/volunteers/v-1/skills',
    '/en/staff/volunteers/v-1/reject',
  ])('%s gets the SPA fallback, 200', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(fixtureFiles['200.html']);
  });
});
