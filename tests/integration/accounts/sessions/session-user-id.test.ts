/**
 * `user_id` in the session answer is the id the server's documents name this person by, so a device
 * can stamp its writes and find its own profile with it instead of deriving it. Checked against what
 * the real server wrote, not against the function that computes it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isUserId, volunteerDocId } from '#domain/documents/doc-ids.ts';
import { area } from '../../../support/factories.ts';
import { seed, stored } from '../../../support/staff/replication-fixtures.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import {
  goodPassword,
  seedUser,
  sessionCookie,
  signIn,
  signOut,
  startAccountServer,
  whoAmI,
} from '../../../support/staff/account-fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const password = 'Mae hen wlad fy nhadau';

async function userIdOf(url: string, username: string, secret = goodPassword) {
  const res = await signIn(url, { username, password: secret });
  expect(res.status).toBe(200);
  const answer = (await res.json()) as { user_id?: unknown };
  const cookie = sessionCookie(res);
  const me = await whoAmI(url, cookie);
  expect(me.status).toBe(200);
  const asked = (await me.json()) as { user_id?: unknown };
  // Signing in and asking afterwards give the same id.
  expect(asked.user_id).toBe(answer.user_id);
  return { id: asked.user_id, cookie };
}

describe('GET /api/session user_id', () => {
  it("is the id of the profile a volunteer's sign-up made", async () => {
    server = await startAccountServer();
    await seed(server, [area('ceredigion')]);
    const signUp = await fetch(`${server.url}/api/volunteers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        username: 'nia',
        password,
        name: 'Nia Jones',
        phone: '07700 900 982',
        areas: ['ceredigion'],
        skills: [],
        availability: { days: ['mon'], parts_of_day: ['morning'], note: '' },
      }),
    });
    expect(signUp.status).toBe(201);

    const { id } = await userIdOf(server.url, 'nia', password);
    expect(isUserId(id)).toBe(true);
    expect(await stored(server, volunteerDocId(id as string))).toMatchObject({
      type: 'volunteer',
      name: 'Nia Jones',
      approval: 'pending',
    });
  });

  it('is a UUID of its own for each account, the same in every session', async () => {
    server = await startAccountServer();
    await seedUser(server.storage, { username: 'alun', role: 'coordinator', areas: ['gwynedd'] });
    await seedUser(server.storage, { username: 'bethan', role: 'coordinator', areas: ['gwynedd'] });

    const first = await userIdOf(server.url, 'alun');
    expect(isUserId(first.id)).toBe(true);
    expect(first.id).not.toContain('alun');
    await signOut(server.url, first.cookie);
    const again = await userIdOf(server.url, 'alun');
    expect(again.id).toBe(first.id);
    const other = await userIdOf(server.url, 'bethan');
    expect(other.id).not.toBe(first.id);
  });

  it('is not given without a session', async () => {
    server = await startAccountServer();
    const res = await whoAmI(server.url);
    expect(res.status).toBe(401);
    expect(await res.json()).not.toHaveProperty('user_id');
  });
});
