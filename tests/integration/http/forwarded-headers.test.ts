/**
 * Behind `TRUST_PROXY=n` reverse proxies, the client is the address the outermost trusted proxy
 * appended to `X-Forwarded-For` (the nth entry from the right), never what the client wrote to the
 * left of it; and the scheme is the one the nearest proxy reports. Each test speaks to the real
 * server as the proxy in front would: the header ends with what the proxy appended.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  goodPassword,
  seedUser,
  signIn,
  startAccountServer,
} from '../../support/staff/account-fixtures.ts';
import { foodSubmission } from '../../support/server/submission-fixtures.ts';
import { postJson, startTestServer, type TestServer } from '../../support/server/test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const submitFrom = (s: TestServer, forwardedFor: string) =>
  postJson(s, foodSubmission(), { 'X-Forwarded-For': forwardedFor });

describe('the client address behind one trusted proxy (TRUST_PROXY=1)', () => {
  it('is the last X-Forwarded-For hop, so a made-up first hop does not escape the limit', async () => {
    const s = (server = await startTestServer({ rateLimitPerMinute: 1, trustedProxies: 1 }));
    expect((await submitFrom(s, '1.2.3.4, 203.0.113.9')).status).toBe(201);
    // The same client again, claiming to be someone else: the proxy still appends its address.
    expect((await submitFrom(s, '5.6.7.8, 203.0.113.9')).status).toBe(429);
    expect((await submitFrom(s, '203.0.113.9')).status).toBe(429);
    // Another client behind the same proxy has a limit of its own.
    expect((await submitFrom(s, '1.2.3.4, 203.0.113.10')).status).toBe(201);
  });

  it('keeps a guesser spoofing first hops within the sign-in limit per address', async () => {
    const s = (server = await startAccountServer({ trustedProxies: 1 }));
    await seedUser(s.storage, { username: 'dewi' });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const hops = `198.51.100.${i}, 203.0.113.7`;
      const res = await signIn(
        s.url,
        { username: `user${i}`, password: 'a wrong guess' },
        {
          'X-Forwarded-For': hops,
        },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const owner = await signIn(
      s.url,
      { username: 'dewi', password: goodPassword },
      { 'X-Forwarded-For': '203.0.113.8' },
    );
    expect(owner.status).toBe(200);
  });
});

describe('the client address behind two trusted proxies (TRUST_PROXY=2)', () => {
  it('is the second hop from the right', async () => {
    const s = (server = await startTestServer({ rateLimitPerMinute: 1, trustedProxies: 2 }));
    expect((await submitFrom(s, '1.2.3.4, 203.0.113.9, 10.0.0.2')).status).toBe(201);
    expect((await submitFrom(s, '5.6.7.8, 203.0.113.9, 10.0.0.3')).status).toBe(429);
    expect((await submitFrom(s, '203.0.113.10, 10.0.0.2')).status).toBe(201);
  });
});

describe('the scheme behind a trusted proxy', () => {
  const hsts = async (s: TestServer, proto: string) =>
    (await fetch(`${s.url}/healthz`, { headers: { 'X-Forwarded-Proto': proto } })).headers.get(
      'Strict-Transport-Security',
    );

  it('is the one the nearest proxy reports, not one the client put before it', async () => {
    const s = (server = await startTestServer({ trustedProxies: 1 }));
    expect(await hsts(s, 'https, http')).toBeNull();
    expect(await hsts(s, 'http, https')).toBe('max-age=31536000; includeSubDomains');
    expect(await hsts(s, 'https')).toBe('max-age=31536000; includeSubDomains');
  });
});
