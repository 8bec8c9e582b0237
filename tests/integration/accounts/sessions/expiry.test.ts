import { afterEach, describe, expect, it } from 'vitest';
import { readAccountsSettings } from '../../../../sync-server/accounts/sign-in/accounts-config.ts';
import type { SessionDoc } from '../../../../sync-server/accounts/sessions/session-store.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import {
  days,
  hours,
  minutes,
  seedUser,
  sessionIds,
  signedIn,
  startAccountServer,
  testClock,
  whoAmI,
  type TestClock,
} from '../../../support/staff/account-fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(clock: TestClock, accounts = {}) {
  server = await startAccountServer({ now: clock.now, accounts });
  await seedUser(server.storage, { username: 'ffion' });
  return server;
}

async function storedSession(s: TestServer) {
  const [id] = await sessionIds(s.storage);
  return id === undefined ? null : s.storage.serverOnly.get<SessionDoc>(id);
}

describe('the idle timeout (12 hours by default)', () => {
  it('ends a session left unused for 12 hours and deletes it', async () => {
    const clock = testClock();
    const s = await start(clock);
    const cookie = await signedIn(s.url, 'ffion');
    clock.advance(hours(12) - 1000);
    expect((await whoAmI(s.url, cookie)).status).toBe(200);
    clock.advance(hours(12));
    const res = await whoAmI(s.url, cookie);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('session_expired');
    expect(res.headers.getSetCookie().join()).toContain('Max-Age=0');
    expect(await sessionIds(s.storage)).toEqual([]);
    expect(((await (await whoAmI(s.url, cookie)).json()) as { error: string }).error).toBe(
      'unauthorized',
    );
  });

  it('follows SESSION_IDLE_MINUTES', async () => {
    const clock = testClock();
    const s = await start(clock, { sessionIdleMinutes: 5 });
    const cookie = await signedIn(s.url, 'ffion');
    clock.advance(minutes(5));
    expect((await whoAmI(s.url, cookie)).status).toBe(401);
  });

  it('writes last_seen_at at most once a minute', async () => {
    const clock = testClock();
    const s = await start(clock);
    const cookie = await signedIn(s.url, 'ffion');
    const created = await storedSession(s);
    clock.advance(30_000);
    await whoAmI(s.url, cookie);
    expect(await storedSession(s)).toEqual(created);
    clock.advance(30_000);
    await whoAmI(s.url, cookie);
    const touched = await storedSession(s);
    expect(touched?._rev).not.toBe(created?._rev);
    expect(touched?.last_seen_at).toBe(clock.now().toISOString());
    expect(touched?.created_at).toBe(created?.created_at);
  });
});

describe('the absolute timeout (30 days by default)', () => {
  it('ends a session 30 days after sign-in however busy it is', async () => {
    const clock = testClock();
    const s = await start(clock);
    const cookie = await signedIn(s.url, 'ffion');
    // Used every 11 hours, so the idle timeout never strikes.
    for (let used = 0; used < days(30) - hours(11); used += hours(11)) {
      clock.advance(hours(11));
      expect((await whoAmI(s.url, cookie)).status).toBe(200);
    }
    clock.advance(hours(11));
    const res = await whoAmI(s.url, cookie);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('session_expired');
    expect(await sessionIds(s.storage)).toEqual([]);
  });

  it('follows SESSION_MAX_DAYS, and the cookie lives as long', async () => {
    const clock = testClock();
    const s = await start(clock, { sessionMaxDays: 1 });
    const res = await fetch(`${s.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'ffion', password: 'Bara brith a phaned o de' }),
    });
    expect(res.headers.getSetCookie().join()).toContain('Max-Age=86400');
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    clock.advance(hours(11));
    expect((await whoAmI(s.url, cookie)).status).toBe(200);
    clock.advance(hours(11));
    expect((await whoAmI(s.url, cookie)).status).toBe(200);
    clock.advance(hours(2));
    expect((await whoAmI(s.url, cookie)).status).toBe(401);
  });
});

describe('session settings from the environment', () => {
  it('defaults to 12 hours idle and 30 days at most', () => {
    expect(readAccountsSettings({})).toMatchObject({ sessionIdleMinutes: 720, sessionMaxDays: 30 });
    expect(
      readAccountsSettings({ SESSION_IDLE_MINUTES: '60', SESSION_MAX_DAYS: '7' }),
    ).toMatchObject({ sessionIdleMinutes: 60, sessionMaxDays: 7 });
  });

  it.each([
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_IDLE_MINUTES', '12h'],
    ['SESSION_MAX_DAYS', '1.5'],
    ['SESSION_MAX_DAYS', '1000'],
  ])('refuses %s=%s loudly', (name, value) => {
    expect(() => readAccountsSettings({ [name]: value })).toThrow(name);
  });

  it('keeps the production password cost whatever the environment says', () => {
    expect(readAccountsSettings({}).scrypt).toEqual({ N: 2 ** 15, r: 8, p: 1 });
  });
});
