/**
 * The resident's way out, and the admins' view (docs/architecture.md, "Telling residents"): a
 * reply of STOP, forwarded by Notify's received-text callback with its bearer token, stops every
 * message to that number, those already waiting included; admins read whether Notify is
 * configured and every failed message (`GET /api/notify/status`); without a key nothing is
 * queued; and a worker starting for the first time tells nobody about the past.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claim, setRegister } from '#domain/requests/edits.ts';
import { eventually } from '../../support/eventually.ts';
import { startFakeNotify, type FakeNotify } from '../../support/notify/fake-notify.ts';
import { forEachStorage } from '../../support/server/storages.ts';
import {
  startTestServer,
  worldClock,
  type TestServer,
  type TestServerOptions,
} from '../../support/server/test-server.ts';
import { testUuid } from '../../support/factories.ts';
import { seedUser, signedIn, testScrypt } from '../../support/staff/account-fixtures.ts';
import { messagePrefix } from '../../../sync-server/notify/message-queue.ts';
import { notConfigured } from '../../../sync-server/notify/notify-settings.ts';
import { startNotify } from '../../../sync-server/notify/notify-worker.ts';
import { optOutPrefix } from '../../../sync-server/notify/opt-outs.ts';
import {
  allTemplateIds,
  callbackToken,
  edit,
  notifying,
  submit,
  templateOf,
} from './notify-fixtures.ts';

const volunteer = testUuid(4343);

forEachStorage('replies and the admins’ view', (storage) => {
  const clock = worldClock();
  const stamp = () => clock().toISOString();
  const setOff = (id: string) =>
    edit(server, id, (doc) =>
      setRegister(claim(doc, volunteer, stamp()), 'status', 'in_progress', volunteer, stamp()),
    );
  let fake: FakeNotify;
  let server: TestServer;
  const start = async (options: TestServerOptions = {}) => {
    server = await startTestServer({
      storage,
      now: clock,
      accounts: { scrypt: testScrypt },
      notifying: notifying(fake),
      ...options,
    });
  };
  beforeEach(async () => {
    fake = await startFakeNotify({ templates: allTemplateIds, now: clock });
  });
  afterEach(async () => {
    await server.close();
    await fake.close();
  });

  const reply = (message: string, token = callbackToken, from = '447700900982') =>
    fetch(`${server.url}/api/notify/received-text`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        id: '5f2a2b5e-0a3b-4a0e-9d2c-6a1d2c3b4a5f',
        source_number: from,
        destination_number: '07700900000',
        message,
        date_received: '2030-01-11T09:00:00.000000Z',
      }),
    });
  const settle = async (worker = server.notifying) => {
    await worker?.runOnce();
    await worker?.runOnce();
  };
  const status = async (cookie?: string) =>
    fetch(`${server.url}/api/notify/status`, { headers: cookie ? { Cookie: cookie } : {} });
  const asAdmin = async () => {
    await seedUser(server.storage, { username: 'gweinydd', role: 'admin' });
    return signedIn(server.url, 'gweinydd');
  };

  describe('a reply of STOP', () => {
    beforeEach(() => start());

    it('stops every later message to that number, keeping no number', async () => {
      const { id } = await submit(server);
      await eventually(() => fake.sent.length === 1, { what: 'the first message' });
      expect((await reply('Stop')).status).toBe(204);
      await setOff(id);
      await settle();
      expect(fake.sent.map((s) => s.template_id)).toEqual([templateOf('received', 'cy')]);
      const stops = await server.storage.serverOnly.idsWithPrefix(optOutPrefix);
      expect(stops).toHaveLength(1);
      expect(JSON.stringify(await server.storage.serverOnly.get(stops[0]!))).not.toMatch(/7700/);
    });

    it('stops a message already waiting to be tried again', async () => {
      // A worker whose retry waits a minute, then one two minutes on, for whom it is due.
      await server.notifying?.stop();
      const slow = { baseMs: 60_000, capMs: 60_000, maxAttempts: 3 };
      const first = startNotify({
        ...notifying(fake),
        backoff: slow,
        storage: server.storage,
        now: clock,
      });
      await first.runOnce();
      fake.answerNext(500);
      await submit(server);
      await eventually(() => fake.calls.length === 1, { what: 'the first, failed, try' });
      await first.stop();
      await reply('STOPIO');
      const later = () => new Date(clock().getTime() + 120_000);
      const worker = startNotify({ ...notifying(fake), storage: server.storage, now: later });
      try {
        await settle(worker);
      } finally {
        await worker.stop();
      }
      expect(fake.calls).toHaveLength(1);
      expect(await server.storage.serverOnly.idsWithPrefix(messagePrefix)).toEqual([]);
    });

    it('is refused without Notify’s token, and any other reply changes nothing', async () => {
      expect((await reply('STOP', 'not-the-token-at-all-no')).status).toBe(401);
      expect((await reply('Diolch yn fawr')).status).toBe(204);
      expect(await server.storage.serverOnly.idsWithPrefix(optOutPrefix)).toEqual([]);
    });
  });

  it('has no callback when no token is set', async () => {
    const tell = notifying(fake);
    await start({ notifying: { ...tell, settings: { ...tell.settings, callbackToken: null } } });
    expect((await reply('STOP')).status).toBe(404);
  });

  it('shows admins the messages that failed, and only admins', async () => {
    await start();
    fake.answerNext(400);
    const { id, reference } = await submit(server);
    const cookie = await asAdmin();
    const body = await eventually(
      async () => {
        const answer = (await (await status(cookie)).json()) as { failed: unknown[] };
        return answer.failed.length > 0 ? answer : null;
      },
      { what: 'a failed message in the status' },
    );
    expect(body).toEqual({
      configured: true,
      receives_replies: true,
      queued: 0,
      failed_total: 1,
      failed: [
        expect.objectContaining({
          request_id: id,
          reference,
          message: 'received',
          language: 'cy',
          status: 400,
          error: 'BadRequestError',
        }),
      ],
    });
    expect(JSON.stringify(body)).not.toMatch(/7700|Siân/);
    expect((await status()).status).toBe(401);
    await seedUser(server.storage, { username: 'cydlynydd', role: 'coordinator' });
    expect((await status(await signedIn(server.url, 'cydlynydd'))).status).toBe(403);
  });

  it('without a key, queues and sends nothing, and says so', async () => {
    await start({ notifying: { ...notifying(fake), settings: notConfigured } });
    const { id } = await submit(server);
    await settle();
    await setOff(id);
    await settle();
    expect(fake.calls).toEqual([]);
    expect(await server.storage.serverOnly.idsWithPrefix(messagePrefix)).toEqual([]);
    const answer = (await (await status(await asAdmin())).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ configured: false, receives_replies: false, failed: [] });
  });

  it('tells nobody about what happened before it first started', async () => {
    await start({ notifying: undefined });
    const { id } = await submit(server);
    const worker = startNotify({ ...notifying(fake), storage: server.storage, now: clock });
    try {
      await settle(worker);
      expect(fake.calls).toEqual([]);
      await setOff(id);
      await eventually(() => fake.sent.length === 1, { what: 'the message for what came after' });
      expect(fake.sent[0]?.template_id).toBe(templateOf('on_the_way', 'cy'));
    } finally {
      await worker.stop();
    }
  });
});
