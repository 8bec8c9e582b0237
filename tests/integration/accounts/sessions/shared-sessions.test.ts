import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { setDisabled } from '../../../../sync-server/accounts/account-store.ts';
import { createAccounts } from '../../../../sync-server/accounts/sign-in/create-accounts.ts';
import { requireRole } from '../../../../sync-server/accounts/sessions/require-session.ts';
import type { SessionDoc } from '../../../../sync-server/accounts/sessions/session-store.ts';
import { listen } from '../../../../sync-server/http/listen.ts';
import {
  minutes,
  seedUser,
  sessionIds,
  signOut,
  signedIn,
  startAccountServer,
  startTwoInstances,
  testClock,
  testScrypt,
  whoAmI,
} from '../../../support/staff/account-fixtures.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('sessions shared between instances', (storage) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((close) => close()));
  });

  describe('two server instances on one database', () => {
    it('share sessions: signed in on one, known on the other, signed out everywhere', async () => {
      const clock = testClock();
      const pair = await startTwoInstances(clock.now, storage);
      cleanups.push(pair.close);
      const [a, b] = pair.urls;
      await seedUser(pair.storage, { username: 'nia', role: 'coordinator', areas: ['powys'] });

      const cookie = await signedIn(a, 'nia');
      const there = await whoAmI(b, cookie);
      expect(there.status).toBe(200);
      expect(await there.json()).toMatchObject({ username: 'nia', areas: ['powys'] });

      // Activity seen by instance B keeps the session alive on instance A.
      clock.advance(minutes(11 * 60));
      expect((await whoAmI(b, cookie)).status).toBe(200);
      clock.advance(minutes(11 * 60));
      expect((await whoAmI(a, cookie)).status).toBe(200);

      expect((await signOut(b, cookie)).status).toBe(204);
      expect((await whoAmI(a, cookie)).status).toBe(401);
    });

    it('disabling an account ends its sessions on every instance at once', async () => {
      const pair = await startTwoInstances(() => new Date(), storage);
      cleanups.push(pair.close);
      await seedUser(pair.storage, { username: 'nia' });
      const fromA = await signedIn(pair.urls[0], 'nia');
      const fromB = await signedIn(pair.urls[1], 'nia');
      const ctx = { store: pair.storage.serverOnly, now: () => new Date(), scrypt: testScrypt };
      await setDisabled(ctx, 'nia', true);
      expect((await whoAmI(pair.urls[1], fromA)).status).toBe(403);
      expect((await whoAmI(pair.urls[0], fromB)).status).toBe(403);
    });

    it('two instances touching one session at once both succeed and keep one record', async () => {
      const clock = testClock();
      const pair = await startTwoInstances(clock.now, storage);
      cleanups.push(pair.close);
      await seedUser(pair.storage, { username: 'nia' });
      const cookie = await signedIn(pair.urls[0], 'nia');
      clock.advance(minutes(2));
      const answers = await Promise.all(
        [...pair.urls, ...pair.urls].map((url) => whoAmI(url, cookie)),
      );
      expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200]);
      const [id] = await sessionIds(pair.storage);
      const session = await pair.storage.serverOnly.get<SessionDoc>(id!);
      expect(session?.last_seen_at).toBe(clock.now().toISOString());
    });
  });

  describe('requireSession, for the routes that need a signed-in user', () => {
    async function guardedApp() {
      const server = await startAccountServer({ storage });
      cleanups.push(server.close);
      const accounts = createAccounts({
        storage: server.storage,
        trustedProxies: 0,
        maxBodyBytes: 64 * 1024,
        now: () => new Date(),
        scrypt: testScrypt,
      });
      const app = new Hono();
      app.get('/private/me', accounts.requireSession, (c) => c.json(c.var.user));
      app.get(
        '/private/triage',
        accounts.requireSession,
        requireRole('coordinator', 'admin'),
        (c) => c.json({ ok: true }),
      );
      const guarded = await listen(app, 0, '127.0.0.1');
      cleanups.push(() => guarded.close(250));
      return { server, guardedUrl: `http://127.0.0.1:${guarded.port}` };
    }

    it('sets c.var.user to the account without its password, or answers 401', async () => {
      const { server, guardedUrl } = await guardedApp();
      await seedUser(server.storage, {
        username: 'owain',
        displayName: 'Owain',
        areas: ['ynys-mon'],
      });
      const cookie = await signedIn(server.url, 'owain');

      const me = await fetch(`${guardedUrl}/private/me`, { headers: { Cookie: cookie } });
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual({
        username: 'owain',
        display_name: 'Owain',
        role: 'volunteer',
        areas: ['ynys-mon'],
      });

      const anonymous = await fetch(`${guardedUrl}/private/me`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({
        error: 'unauthorized',
        reason: expect.any(String) as string,
      });
    });

    it('requireRole answers 403 forbidden to a role it does not allow', async () => {
      const { server, guardedUrl } = await guardedApp();
      await seedUser(server.storage, { username: 'owain' });
      await seedUser(server.storage, { username: 'mari', role: 'coordinator' });
      const volunteer = await fetch(`${guardedUrl}/private/triage`, {
        headers: { Cookie: await signedIn(server.url, 'owain') },
      });
      expect(volunteer.status).toBe(403);
      expect(((await volunteer.json()) as { error: string }).error).toBe('forbidden');
      const coordinator = await fetch(`${guardedUrl}/private/triage`, {
        headers: { Cookie: await signedIn(server.url, 'mari') },
      });
      expect(coordinator.status).toBe(200);
    });
  });
});
