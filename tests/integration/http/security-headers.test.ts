import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method, headers: { Accept: 'text/html', ...headers } });

describe('routes', () => {
  it('GET /healthz answers { ok: true } when the databases answer', async () => {
    const res = await request('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it.each([
    ['/api', 'GET'],
    ['/api/', 'GET'],
    ['/api/nothing', 'GET'],
    ['/api/nothing', 'POST'],
    ['/api/requests/123456789/extra', 'GET'],
  ])('%s (%s) is a JSON 404, never a page', async (path, method) => {
    const res = await request(method, path);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: 'not_found', reason: expect.any(String) as string });
  });

  it.each([
    ['/db', 'GET'],
    ['/db/cymorth/_changes', 'GET'],
    ['/db/cymorth/_bulk_docs', 'POST'],
    ['/db/_all_dbs', 'GET'],
  ])('%s (%s) without a session is a JSON 401, never a page', async (path, method) => {
    const res = await request(method, path);
    expect(res.status).toBe(401);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      error: 'unauthorized',
      reason: expect.any(String) as string,
    });
  });

  it.each([
    ['/api/requests', 'GET', 'POST'],
    ['/api/requests', 'PUT', 'POST'],
    ['/api/requests', 'DELETE', 'POST'],
    ['/api/requests/123456789', 'POST', 'GET, HEAD'],
    ['/api/requests/123456789', 'DELETE', 'GET, HEAD'],
    ['/healthz', 'POST', 'GET, HEAD'],
    ['/', 'POST', 'GET, HEAD'],
    ['/en/request/kind', 'PUT', 'GET, HEAD'],
  ])('%s answers %s with 405 and Allow: %s', async (path, method, allow) => {
    const res = await request(method, path);
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe(allow);
    expect(await res.json()).toEqual({
      error: 'method_not_allowed',
      reason: expect.any(String) as string,
    });
  });

  it('puts the security headers on API answers and errors too', async () => {
    for (const path of ['/healthz', '/api/nothing']) {
      const res = await request('GET', path);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
      expect(res.headers.get('Permissions-Policy')).toBe(
        'camera=(), microphone=(), geolocation=(self)',
      );
      expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'self'; /);
      // Plain HTTP without a trusted proxy: HSTS would be wrong.
      expect(res.headers.get('Strict-Transport-Security')).toBeNull();
    }
  });

  it('ignores X-Forwarded-Proto for HSTS unless the proxy is trusted', async () => {
    const res = await request('GET', '/healthz', { 'X-Forwarded-Proto': 'https' });
    expect(res.headers.get('Strict-Transport-Security')).toBeNull();
  });
});

describe('behind a trusted proxy', () => {
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startTestServer({ trustedProxies: 1 });
  });
  afterAll(() => proxied.close());

  it('sends HSTS only when the request came over TLS', async () => {
    const tls = await fetch(`${proxied.url}/healthz`, {
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(tls.headers.get('Strict-Transport-Security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const plain = await fetch(`${proxied.url}/healthz`, {
      headers: { 'X-Forwarded-Proto': 'http' },
    });
    expect(plain.headers.get('Strict-Transport-Security')).toBeNull();
  });
});
