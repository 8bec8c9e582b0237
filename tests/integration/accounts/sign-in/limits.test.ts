/**
 * Sign-in limits on the real server, seen by a guesser and by the account's owner. Guesses are
 * counted per account and address, so a stranger who knows a username locks only themselves out;
 * an account guessed at from many addresses slows every address that has failed on it; and an
 * address that has not failed is never refused the right password.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../support/server/test-server.ts';
import {
  goodPassword,
  minutes,
  seedUser,
  signIn,
  startAccountServer,
  testClock,
  type TestClock,
} from '../../../support/staff/account-fixtures.ts';

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

const guesser = '198.51.100.66';
const owner = '203.0.113.20';

describe('failed sign-ins per account and address: 5 in 15 minutes lock that address out', () => {
  it('locks the guessing address out of the account, even with the right password', async () => {
    const clock = testClock();
    const s = await start(clock);
    for (let i = 0; i < 5; i++) {
      expect((await attempt(s, 'dewi', `guess number ${i}`, guesser)).status).toBe(401);
    }
    const locked = await attempt(s, 'dewi', goodPassword, guesser);
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: 'rate_limited', reason: expect.any(String) as string });
    expect(Number(locked.retryAfter)).toBe(15 * 60);

    clock.advance(minutes(14));
    const later = await attempt(s, 'dewi', goodPassword, guesser);
    expect(later.status).toBe(429);
    expect(Number(later.retryAfter)).toBe(60);
    clock.advance(minutes(1));
    expect((await attempt(s, 'dewi', goodPassword, guesser)).status).toBe(200);
  });

  it('lets the owner sign in from an address that has not failed, while the guesser stays locked out', async () => {
    const clock = testClock();
    const s = await start(clock);
    for (let i = 0; i < 5; i++) await attempt(s, 'dewi', `guess number ${i}`, guesser);
    const signedIn = await attempt(s, 'dewi', goodPassword, owner);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ username: 'dewi' });
    // Signing in again, as the owner's other device would, is never held up either.
    expect((await attempt(s, 'dewi', goodPassword, owner)).status).toBe(200);
    const stillLocked = await attempt(s, 'dewi', goodPassword, guesser);
    expect(stillLocked.status).toBe(429);
    expect(Number(stillLocked.retryAfter)).toBe(15 * 60);
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

  it('does not count a successful sign-in as a failure, and forgives the typos before it', async () => {
    const clock = testClock();
    const s = await start(clock);
    for (let i = 0; i < 4; i++) await attempt(s, 'dewi', 'wrong password', owner);
    for (let i = 0; i < 3; i++)
      expect((await attempt(s, 'dewi', goodPassword, owner)).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect((await attempt(s, 'dewi', 'wrong password', owner)).status).toBe(401);
    }
  });

  it('locks unknown usernames the same way, so a 429 does not reveal who exists', async () => {
    const clock = testClock();
    const s = await start(clock);
    const statuses = async (username: string, address: string) => {
      const seen = [];
      for (let i = 0; i < 6; i++)
        seen.push((await attempt(s, username, 'wrong password', address)).status);
      return seen;
    };
    const locked = [401, 401, 401, 401, 401, 429];
    expect(await statuses('nobody', '198.51.100.1')).toEqual(locked);
    expect(await statuses('dewi', '198.51.100.2')).toEqual(locked);
  });

  it('lets at most 5 of a burst of parallel guesses from one address reach the password check', async () => {
    const clock = testClock();
    const s = await start(clock);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(s, 'dewi', `guess ${i}`, guesser)),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });
});

describe('an account guessed at from many addresses', () => {
  it('makes each address that has failed on it wait 5, then 10 minutes, while a fresh one still gets its try', async () => {
    const clock = testClock();
    const s = await start(clock);
    const botnet = Array.from({ length: 5 }, (_, i) => `198.51.100.${i + 10}`);
    for (const address of botnet) {
      expect((await attempt(s, 'dewi', 'wrong password', address)).status).toBe(401);
    }
    // Five failures on the account: each of those addresses now waits before guessing again.
    const held = await attempt(s, 'dewi', 'wrong password', botnet[0]!);
    expect(held.status).toBe(429);
    expect(Number(held.retryAfter)).toBe(5 * 60);
    // The owner, from an address that has not failed, is let in; a new guesser gets one try.
    expect((await attempt(s, 'dewi', goodPassword, owner)).status).toBe(200);
    expect((await attempt(s, 'dewi', 'wrong password', '198.51.100.99')).status).toBe(401);
    expect((await attempt(s, 'dewi', goodPassword, '198.51.100.99')).status).toBe(429);

    clock.advance(minutes(5));
    expect((await attempt(s, 'dewi', 'wrong password', botnet[0]!)).status).toBe(401);
    const longer = await attempt(s, 'dewi', 'wrong password', botnet[0]!);
    expect(longer.status).toBe(429);
    expect(Number(longer.retryAfter)).toBe(10 * 60);
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
