/**
 * Helpers for the accounts suite: the real server with a cheap scrypt cost (tests only; production
 * always uses `productionScrypt`), a clock the test moves, users seeded through the accounts module,
 * and the three session calls.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StaffRole } from '#domain/people/account-rules.ts';
import { createApp } from '../../../sync-server/app.ts';
import { createAccount, setDisabled } from '../../../sync-server/accounts/account-store.ts';
import type { ScryptParams } from '../../../sync-server/accounts/password-hash.ts';
import { listen } from '../../../sync-server/http/listen.ts';
import { openPouchStorage } from '../../../sync-server/storage/pouch-storage.ts';
import type { Storage } from '../../../sync-server/storage/storage.ts';
import { writeStaticFixture } from '../server/static-fixture.ts';
import type { StorageKind } from '../server/storages.ts';
import {
  startTestServer,
  testStorageLocation,
  type TestServer,
  type TestServerOptions,
} from '../server/test-server.ts';

export const testScrypt: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
export const goodPassword = 'Bara brith a phaned o de';

export type TestClock = { now: () => Date; advance(ms: number): void };

export function testClock(start = '2026-03-02T09:00:00.000Z'): TestClock {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => minutes(n * 60);
export const days = (n: number) => hours(n * 24);

export function startAccountServer(options: TestServerOptions = {}): Promise<TestServer> {
  return startTestServer({ ...options, accounts: { scrypt: testScrypt, ...options.accounts } });
}

/**
 * Call in a suite's body: the function it gives starts a server for the test that calls it
 * (`startAccountServer`), and every server it started is closed after that test.
 */
export function serverPerTest(): (options?: TestServerOptions) => Promise<TestServer> {
  const started: TestServer[] = [];
  afterEach(async () => {
    for (const s of started.splice(0)) await s.close();
  });
  return async (options = {}) => {
    const s = await startAccountServer(options);
    started.push(s);
    return s;
  };
}

export type SeedUser = {
  username: string;
  password?: string;
  role?: StaffRole;
  areas?: string[];
  displayName?: string;
  disabled?: boolean;
};

export async function seedUser(storage: Storage, user: SeedUser, now = () => new Date()) {
  const ctx = { store: storage.serverOnly, now, scrypt: testScrypt };
  const result = await createAccount(ctx, {
    role: 'volunteer',
    password: goodPassword,
    ...user,
  });
  if (!result.ok) throw new Error(`Could not seed ${user.username}: ${result.problem}`);
  if (user.disabled) await setDisabled(ctx, user.username, true);
  return result.user;
}

export function signIn(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** `cymorth_session=<token>` from a response's Set-Cookie, ready for a Cookie header. */
export function sessionCookie(res: Response): string {
  const header = setCookieHeader(res);
  const pair = header?.split(';')[0];
  if (!pair?.startsWith('cymorth_session=')) throw new Error(`No session cookie in ${header}`);
  return pair;
}

export const setCookieHeader = (res: Response) =>
  res.headers.getSetCookie().find((c) => c.startsWith('cymorth_session='));

export function whoAmI(url: string, cookie?: string) {
  return fetch(`${url}/api/session`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function signOut(url: string, cookie?: string) {
  return fetch(`${url}/api/session`, {
    method: 'DELETE',
    headers: cookie ? { Cookie: cookie } : {},
  });
}

export async function signedIn(url: string, username: string, password = goodPassword) {
  const res = await signIn(url, { username, password });
  if (res.status !== 200) throw new Error(`${username} could not sign in: ${res.status}`);
  return sessionCookie(res);
}

export const sessionIds = (storage: Storage) => storage.serverOnly.idsWithPrefix('session:');

/** Two app instances, each on its own port, sharing one storage: two servers behind a balancer. */
export async function startTwoInstances(now: () => Date, kind?: StorageKind) {
  const root = await mkdtemp(path.join(tmpdir(), 'cymorth-accounts-'));
  const staticDir = await writeStaticFixture(root);
  const place = await testStorageLocation(root, kind);
  const storage = await openPouchStorage(place.location);
  const options = {
    storage,
    staticDir,
    rateLimitPerMinute: 10_000,
    trustedProxies: 0,
    now,
    accounts: { scrypt: testScrypt },
  };
  const servers = await Promise.all([
    listen(createApp(options), 0, '127.0.0.1'),
    listen(createApp(options), 0, '127.0.0.1'),
  ]);
  return {
    storage,
    urls: servers.map((s) => `http://127.0.0.1:${s.port}`) as [string, string],
    close: async () => {
      await Promise.all(servers.map((s) => s.close(250)));
      await storage.close();
      await place.remove();
      await rm(root, { recursive: true, force: true });
    },
  };
}
