import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../support/server/test-server.ts';
import {
  goodPassword,
  seedUser,
  setCookieHeader,
  signIn,
  signOut,
  startAccountServer,
} from '../../../support/staff/account-fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(trustedProxies = 0) {
  server = await startAccountServer({ trustedProxies });
  await seedUser(server.storage, { username: 'elin' });
  return server;
}

const credentials = { username: 'elin', password: goodPassword };
const attributes = (header: string | undefined) =>
  (header ?? '')
    .split(';')
    .slice(1)
    .map((part) => part.trim());

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP', async () => {
    const s = await start();
    const res = await signIn(s.url, credentials);
    const flags = attributes(setCookieHeader(res));
    expect(flags).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${30 * 86400}`]),
    );
    expect(flags).not.toContain('Secure');
  });

  it('is Secure when a trusted proxy says the request came over TLS', async () => {
    const s = await start(1);
    const res = await signIn(s.url, credentials, { 'X-Forwarded-Proto': 'https' });
    expect(attributes(setCookieHeader(res))).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax']),
    );
    const cookie = setCookieHeader(res)!.split(';')[0]!;
    const out = await fetch(`${s.url}/api/session`, {
      method: 'DELETE',
      headers: { Cookie: cookie, 'X-Forwarded-Proto': 'https' },
    });
    expect(attributes(setCookieHeader(out))).toEqual(
      expect.arrayContaining(['Secure', 'Max-Age=0', 'Path=/']),
    );
  });

  it('ignores X-Forwarded-Proto without TRUST_PROXY', async () => {
    const s = await start(0);
    const res = await signIn(s.url, credentials, { 'X-Forwarded-Proto': 'https' });
    expect(res.status).toBe(200);
    expect(attributes(setCookieHeader(res))).not.toContain('Secure');
  });

  it('is cleared by signing out', async () => {
    const s = await start();
    const flags = attributes(setCookieHeader(await signOut(s.url)));
    expect(flags).toEqual(expect.arrayContaining(['Max-Age=0', 'Path=/', 'HttpOnly']));
  });
});

describe('bad sign-in bodies get a 4xx and store nothing', () => {
  const post = (s: TestServer, body: string, contentType = 'application/json') =>
    fetch(`${s.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    });
  const ok = JSON.stringify(credentials);

  it.each([
    ['malformed JSON', '{"username": "elin",', 'application/json', 400, 'invalid_json'],
    [
      'a form post',
      'username=elin&password=x',
      'application/x-www-form-urlencoded',
      415,
      'unsupported_media_type',
    ],
    ['text/plain (a cross-site form)', ok, 'text/plain', 415, 'unsupported_media_type'],
    ['JSON in Latin-1', ok, 'application/json; charset=latin1', 415, 'unsupported_media_type'],
    ['an array', '[]', 'application/json', 400, 'invalid_request'],
    ['null', 'null', 'application/json', 400, 'invalid_request'],
    ['a missing password', '{"username":"elin"}', 'application/json', 400, 'invalid_request'],
    [
      'a number for a password',
      '{"username":"elin","password":1234567890}',
      'application/json',
      400,
      'invalid_request',
    ],
    [
      'an extra key',
      `{"username":"elin","password":"${goodPassword}","role":"admin"}`,
      'application/json',
      400,
      'invalid_request',
    ],
    [
      'a __proto__ key',
      `{"username":"elin","password":"${goodPassword}","__proto__":{"role":"admin"}}`,
      'application/json',
      400,
      'invalid_request',
    ],
    [
      'a constructor key',
      `{"constructor":{"prototype":{"x":1}},"username":"elin","password":"${goodPassword}"}`,
      'application/json',
      400,
      'invalid_request',
    ],
  ])('%s', async (_name, body, contentType, status, code) => {
    const s = await start();
    const res = await post(s, body, contentType);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: code, reason: expect.any(String) as string });
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await s.storage.serverOnly.idsWithPrefix('session:')).toEqual([]);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('refuses a body over 64 KB with 413, chunked or not', async () => {
    const s = await start();
    const big = JSON.stringify({ username: 'elin', password: 'x'.repeat(70 * 1024) });
    const res = await post(s, big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe('payload_too_large');

    const encoder = new TextEncoder();
    const chunked = await fetch(`${s.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 9; i++) controller.enqueue(encoder.encode(' '.repeat(8192)));
          controller.enqueue(encoder.encode(ok));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await s.storage.serverOnly.idsWithPrefix('session:')).toEqual([]);
  });

  it('refuses an absurdly long password without hashing it', async () => {
    const s = await start();
    const res = await post(s, JSON.stringify({ username: 'elin', password: 'x'.repeat(5000) }));
    expect(res.status).toBe(400);
  });
});
