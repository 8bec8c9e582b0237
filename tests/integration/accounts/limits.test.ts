import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-server.ts';
import {
  goodPassword,
  minutes,
  seedUser,
  signIn,
  startAccountServer,
  testClock,
  type TestClock,
} from './account-fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(clock: TestClock) {
  // Behind a trusted proxy, so each test can speak from several addresses.
  server = await startAccountServer({ now: clock.now, trustedProxies: 1 });
  await seedUser(server.storage, { username: 'dewi' });
  return server;
}

const from = (address: string) => ({ 'X-Forwarded-For': address });

async function attempt(s: TestServer, username: string, password: string, address: string) {
  const res = await signIn(s.url, { username, password }, from(address));
  return { status: res.status, retryAfter: res.headers.get('Retry-After'), body: await res.json() };
}

describe('failed sign-ins per account: 5 in 15 minutes lock it for 15 minutes', () => {
  it('locks the account after 5 failures, even for the right password, from any address', async () => {
    const clock = testClock();
    const s = await start(clock);
    for (let i = 0; i < 5; i++) {
      expect((await attempt(s, 'dewi', `guess number ${i}`, `198.51.100.${i}`)).status).toBe(401);
    }
    const locked = await attempt(s, 'dewi', goodPassword, '198.51.100.99');
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: 'rate_limited', reason: expect.any(String) as string });
    expect(Number(locked.retryAfter)).toBe(15 * 60);

    clock.advance(minutes(14));
    const later = await attempt(s, 'dewi', goodPassword, '198.51.100.99');
    expect(later.status).toBe(429);
    expect(Number(later.retryAfter)).toBe(60);
    clock.advance(minutes(1));
    expect((await attempt(s, 'dewi', goodPassword, '198.51.100.99')).status).toBe(200);
  });

  it('forgets failures older than 15 minutes', async () => {
    const clock = testClock();
    const s = await start(clock);
    for (let i = 0; i < 4; i++) await attempt(s, 'dewi', 'wrong password', '198.51.100.1');
    clock.advance(minutes(15));
    for (let i = 0; i < 4; i++) {
      expect((await attempt(s, 'dewi', 'wrong password', '198.51.100.1')).status).toBe(401);
    }
    expect((await attempt(s, 'dewi', goodPassword, '198.51.100.1')).status).toBe(200);
  });

  it('does not count a successful sign-in as a failure', async () => {
    const clock = testClock();
    const s = await start(clock);
    for (let i = 0; i < 4; i++) await attempt(s, 'dewi', 'wrong password', '198.51.100.1');
    for (let i = 0; i < 3; i++) {
      expect((await attempt(s, 'dewi', goodPassword, '198.51.100.2')).status).toBe(200);
    }
  });

  it('locks unknown usernames the same way, so a 429 does not reveal who exists', async () => {
    const clock = testClock();
    const s = await start(clock);
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await attempt(s, 'nobody', 'wrong password', `198.51.100.${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('lets at most 5 of a burst of parallel guesses reach the password check', async () => {
    const clock = testClock();
    const s = await start(clock);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(s, 'dewi', `guess ${i}`, `198.51.100.${i}`)),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });
});

describe('sign-in attempts per address: 20 in 15 minutes', () => {
  it('refuses the 21st attempt from one address, whichever accounts it tries', async () => {
    const clock = testClock();
    const s = await start(clock);
    for (let i = 0; i < 20; i++) {
      const res = await attempt(s, `user${i}`, 'wrong password', '203.0.113.7');
      expect(res.status).toBe(401);
    }
    const refused = await attempt(s, 'dewi', goodPassword, '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBe(15 * 60);
    // Another address, and the account itself, are untouched.
    expect((await attempt(s, 'dewi', goodPassword, '203.0.113.8')).status).toBe(200);
    clock.advance(minutes(15));
    expect((await attempt(s, 'dewi', goodPassword, '203.0.113.7')).status).toBe(200);
  });
});
