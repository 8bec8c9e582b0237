import { afterEach, describe, expect, it } from 'vitest';
import { resetPassword, setDisabled } from '../../../../sync-server/accounts/account-store.ts';
import { staffUserId } from '../../../../sync-server/accounts/staff-user-id.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import {
  goodPassword,
  seedUser,
  sessionCookie,
  sessionIds,
  signIn,
  signOut,
  signedIn,
  startAccountServer,
  testScrypt,
  whoAmI,
} from '../../../support/staff/account-fixtures.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('sessions', (storage) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const alun = {
    username: 'alun',
    displayName: 'Alun Jones',
    role: 'coordinator' as const,
    areas: ['gwynedd', 'conwy'],
  };
  const alunAnswer = {
    username: 'alun',
    display_name: 'Alun Jones',
    role: 'coordinator',
    areas: ['gwynedd', 'conwy'],
    user_id: staffUserId('alun'),
  };
  const error = (code: string) => ({ error: code, reason: expect.any(String) as string });

  async function start() {
    server = await startAccountServer({ storage });
    await seedUser(server.storage, alun);
    return server;
  }

  function accountCtx(s: TestServer) {
    return { store: s.storage.serverOnly, now: () => new Date(), scrypt: testScrypt };
  }

  describe('signing in, asking who is signed in, signing out', () => {
    it('signs in, answers who is signed in, and signs out', async () => {
      const { url, storage } = await start();
      const res = await signIn(url, { username: 'alun', password: goodPassword });
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(await res.json()).toEqual(alunAnswer);
      const cookie = sessionCookie(res);
      expect(await sessionIds(storage)).toHaveLength(1);

      const me = await whoAmI(url, cookie);
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual(alunAnswer);

      const out = await signOut(url, cookie);
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie().join()).toMatch(/^cymorth_session=;.*Max-Age=0/);
      expect(await sessionIds(storage)).toHaveLength(0);
      const after = await whoAmI(url, cookie);
      expect(after.status).toBe(401);
      expect(await after.json()).toEqual(error('unauthorized'));
    });

    it('answers 401 unauthorized with no cookie or a made-up one, and clears a dead cookie', async () => {
      const { url } = await start();
      expect((await whoAmI(url)).status).toBe(401);
      const forged = await whoAmI(url, `cymorth_session=${'A'.repeat(43)}`);
      expect(forged.status).toBe(401);
      expect(await forged.json()).toEqual(error('unauthorized'));
      expect(forged.headers.getSetCookie().join()).toContain('Max-Age=0');
      expect((await whoAmI(url, 'cymorth_session=../../etc')).status).toBe(401);
    });

    it('signing out is always 204, signed in or not', async () => {
      const { url } = await start();
      expect((await signOut(url)).status).toBe(204);
      expect((await signOut(url, `cymorth_session=${'A'.repeat(43)}`)).status).toBe(204);
    });

    it('takes the username as a phone keyboard types it', async () => {
      const { url } = await start();
      const res = await signIn(url, { username: ' Alun ', password: goodPassword });
      expect(res.status).toBe(200);
    });

    it('replaces the session of a browser that signs in again', async () => {
      const { url, storage } = await start();
      const first = await signedIn(url, 'alun');
      const again = await signIn(
        url,
        { username: 'alun', password: goodPassword },
        { Cookie: first },
      );
      expect(again.status).toBe(200);
      expect(await sessionIds(storage)).toHaveLength(1);
      expect((await whoAmI(url, first)).status).toBe(401);
      expect((await whoAmI(url, sessionCookie(again))).status).toBe(200);
    });

    it('refuses other methods with 405 and an Allow header', async () => {
      const { url } = await start();
      const res = await fetch(`${url}/api/session`, { method: 'PUT' });
      expect(res.status).toBe(405);
      expect(res.headers.get('Allow')).toBe('GET, HEAD, POST, DELETE');
    });
  });

  describe('wrong credentials', () => {
    it('gives the same answer for a wrong password and an unknown user', async () => {
      const { url, storage } = await start();
      const wrong = await signIn(url, { username: 'alun', password: 'not the password' });
      const unknown = await signIn(url, { username: 'nobody', password: goodPassword });
      const invalid = await signIn(url, { username: 'NO SUCH USER!', password: goodPassword });
      for (const res of [wrong, unknown, invalid]) {
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({
          error: 'invalid_credentials',
          reason: 'Wrong username or password.',
        });
        expect(res.headers.getSetCookie()).toEqual([]);
      }
      expect(await sessionIds(storage)).toHaveLength(0);
    });
  });

  describe('disabled accounts', () => {
    it('refuses sign-in with 403 account_disabled, but only to someone who knows the password', async () => {
      server = await startAccountServer({ storage });
      await seedUser(server.storage, { username: 'gwen', disabled: true });
      const right = await signIn(server.url, { username: 'gwen', password: goodPassword });
      expect(right.status).toBe(403);
      expect(await right.json()).toEqual(error('account_disabled'));
      expect(right.headers.getSetCookie()).toEqual([]);
      const wrong = await signIn(server.url, { username: 'gwen', password: 'a wrong guess' });
      expect(wrong.status).toBe(401);
      expect(await sessionIds(server.storage)).toHaveLength(0);
    });

    it('ends sessions made before disabling on the very next request, and for good', async () => {
      const s = await start();
      const phone = await signedIn(s.url, 'alun');
      const laptop = await signedIn(s.url, 'alun');
      expect((await whoAmI(s.url, phone)).status).toBe(200);

      await setDisabled(accountCtx(s), 'alun', true);
      const next = await whoAmI(s.url, phone);
      expect(next.status).toBe(403);
      expect(await next.json()).toEqual(error('account_disabled'));
      expect(next.headers.getSetCookie().join()).toContain('Max-Age=0');

      // Re-enabling lets alun sign in again but does not revive a session from before (a lost phone).
      await setDisabled(accountCtx(s), 'alun', false);
      expect((await whoAmI(s.url, laptop)).status).toBe(401);
      expect((await whoAmI(s.url, phone)).status).toBe(401);
      expect(await sessionIds(s.storage)).toHaveLength(0);
      expect((await whoAmI(s.url, await signedIn(s.url, 'alun'))).status).toBe(200);
    });

    it('ends every session when the password is reset', async () => {
      const s = await start();
      const cookie = await signedIn(s.url, 'alun');
      const result = await resetPassword(accountCtx(s), 'alun', 'a brand new passphrase');
      expect(result.ok).toBe(true);
      expect((await whoAmI(s.url, cookie)).status).toBe(401);
      expect((await signIn(s.url, { username: 'alun', password: goodPassword })).status).toBe(401);
      const fresh = await signIn(s.url, { username: 'alun', password: 'a brand new passphrase' });
      expect(fresh.status).toBe(200);
    });

    it('shows a change of role or areas on the next request', async () => {
      const s = await start();
      const cookie = await signedIn(s.url, 'alun');
      const doc = (await s.storage.serverOnly.get('user:alun')) as { _rev: string; _id: string };
      await s.storage.serverOnly.replace({ ...doc, role: 'volunteer', areas: ['ceredigion'] });
      expect(await (await whoAmI(s.url, cookie)).json()).toMatchObject({
        role: 'volunteer',
        areas: ['ceredigion'],
      });
    });
  });

  describe('what is stored', () => {
    it('keeps only a scrypt hash of the password and a SHA-256 of the session token', async () => {
      const s = await start();
      const cookie = await signedIn(s.url, 'alun');
      const token = cookie.split('=')[1]!;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const user = await s.storage.serverOnly.get('user:alun');
      expect(user).toMatchObject({
        type: 'user',
        username: 'alun',
        disabled: false,
        password: { algorithm: 'scrypt', N: testScrypt.N, r: 8, p: 1 },
      });
      const stored = JSON.stringify(user);
      expect(stored).not.toContain(goodPassword);
      const [id] = await sessionIds(s.storage);
      expect(id).toMatch(/^session:[0-9a-f]{64}$/);
      const session = await s.storage.serverOnly.get(id!);
      expect(JSON.stringify(session)).not.toContain(token);
      expect(session).toMatchObject({ username: 'alun' });
      expect(await s.storage.replicated.idsWithPrefix('')).toEqual([]);
    });
  });
});
