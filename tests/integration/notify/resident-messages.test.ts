/**
 * Residents are told what happens through GOV.UK Notify (docs/architecture.md, "Telling
 * residents"), here a local fake speaking Notify's API: the real server, a resident's request
 * sent through the web form's endpoint, and a volunteer's progress landing as new revisions of it.
 * The right template in the resident's language, retries on 5xx, none on 4xx, nothing without
 * consent, and a restart that carries on where the last worker stopped, on both storages.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { claim, finish, setRegister } from '#domain/requests/edits.ts';
import { formatReference } from '#domain/requests/reference.ts';
import { eventually } from '../../support/eventually.ts';
import { startFakeNotify, type FakeNotify } from '../../support/notify/fake-notify.ts';
import { forEachStorage } from '../../support/server/storages.ts';
import { startTestServer, worldClock, type TestServer } from '../../support/server/test-server.ts';
import { testUuid } from '../../support/factories.ts';
import { messagePrefix, type MessageDoc } from '../../../sync-server/notify/message-queue.ts';
import { startNotify } from '../../../sync-server/notify/notify-worker.ts';
import { allTemplateIds, edit, mobile, notifying, submit, templateOf } from './notify-fixtures.ts';

const volunteer = testUuid(4242);

forEachStorage('messages to residents', (storage) => {
  const clock = worldClock();
  const stamp = () => clock().toISOString();
  /** How far ahead of the server's clock a restarted worker, and so Notify's clock, is. */
  let skew = 0;
  const later = (ms: number) => new Date(clock().getTime() + ms);
  let fake: FakeNotify;
  let server: TestServer;
  beforeEach(async () => {
    skew = 0;
    fake = await startFakeNotify({ templates: allTemplateIds, now: () => later(skew) });
    server = await startTestServer({ storage, now: clock, notifying: notifying(fake) });
  });
  afterEach(async () => {
    await server.close();
    await fake.close();
  });

  const sentCount = (n: number) =>
    eventually(() => (fake.sent.length >= n ? fake.sent : null), {
      what: () => `${n} messages sent (sent ${fake.sent.length}: ${JSON.stringify(fake.calls)})`,
    });
  const queue = async () => {
    const docs: MessageDoc[] = [];
    for (const id of await server.storage.serverOnly.idsWithPrefix(messagePrefix)) {
      docs.push((await server.storage.serverOnly.get<MessageDoc>(id))!);
    }
    return docs;
  };
  /** Two whole passes of the worker: whatever it would queue and send is queued and sent. */
  const settle = async () => {
    await server.notifying?.runOnce();
    await server.notifying?.runOnce();
  };

  it('tells a resident their request was received, in Welsh, with its reference', async () => {
    const { reference } = await submit(server, { language: 'cy' });
    const [sent] = await sentCount(1);
    expect(sent).toEqual({
      channel: 'sms',
      to: mobile,
      template_id: templateOf('received', 'cy'),
      personalisation: { reference: formatReference(reference) },
      reference: expect.stringMatching(/^notify:request:[0-9a-f-]+:received$/) as string,
    });
  });

  it('tells them in English when they chose English, and follows the volunteer to done', async () => {
    const { id } = await submit(server, { language: 'en', method: 'either' });
    await sentCount(1);
    await edit(server, id, (doc) =>
      setRegister(claim(doc, volunteer, stamp()), 'status', 'in_progress', volunteer, stamp()),
    );
    await sentCount(2);
    await edit(server, id, (doc) => finish(doc, volunteer, { kind: 'helped' }, stamp()));
    const sent = await sentCount(3);
    expect(sent.map((s) => s.template_id)).toEqual([
      templateOf('received', 'en'),
      templateOf('on_the_way', 'en'),
      templateOf('done', 'en'),
    ]);
    await settle();
    expect(fake.sent).toHaveLength(3);
    expect(await queue()).toEqual([]);
  });

  it('tells them when the volunteer could not reach them', async () => {
    const { id } = await submit(server);
    await sentCount(1);
    await edit(server, id, (doc) => {
      const going = setRegister(
        claim(doc, volunteer, stamp()),
        'status',
        'in_progress',
        volunteer,
        stamp(),
      );
      return finish(going, volunteer, { kind: 'nobody_home' }, stamp());
    });
    const sent = await sentCount(2);
    expect(sent[1]?.template_id).toBe(templateOf('not_reached', 'cy'));
  });

  it('sends nothing to a resident who asked for phone calls, whatever happens', async () => {
    const { id } = await submit(server, { method: 'phone_call' });
    await settle();
    await edit(server, id, (doc) =>
      setRegister(claim(doc, volunteer, stamp()), 'status', 'in_progress', volunteer, stamp()),
    );
    await settle();
    expect(fake.calls).toEqual([]);
    expect(await queue()).toEqual([]);
  });

  it('sends nothing to a landline', async () => {
    await submit(server, { phone: '029 2018 0000' });
    await settle();
    expect(fake.calls).toEqual([]);
  });

  it('tries again after a 5xx, with backoff, and sends it once', async () => {
    fake.answerNext(500, 503);
    await submit(server);
    await sentCount(1);
    expect(fake.calls.map((c) => c.status)).toEqual([500, 503, 201]);
    await settle();
    expect(fake.sent).toHaveLength(1);
  });

  it('never makes a request wait for Notify, even one that does not answer', async () => {
    fake.answerNext(0, 0);
    const started = Date.now();
    await submit(server);
    await submit(server);
    expect(Date.now() - started).toBeLessThan(1_500);
    // Each timed out and is tried again; then both go.
    await sentCount(2);
    expect(fake.calls.map((c) => c.status)).toEqual([0, 0, 201, 201]);
  });

  it('gives up at once on a 4xx and keeps the message as failed', async () => {
    fake.answerNext(400);
    const { id } = await submit(server);
    const [failed] = await eventually(
      async () => {
        const docs = await queue();
        return docs.some((d) => d.state === 'failed') ? docs : null;
      },
      { what: 'the message to be kept as failed' },
    );
    expect(failed).toMatchObject({
      request_id: id,
      message: 'received',
      language: 'cy',
      state: 'failed',
      attempts: 1,
      failure: { status: 400, error: 'BadRequestError' },
    });
    await settle();
    expect(fake.calls.map((c) => c.status)).toEqual([400]);
  });

  it('sends each message once with two instances following one database', async () => {
    const other = startNotify({ ...notifying(fake), storage: server.storage, now: clock });
    try {
      const { id } = await submit(server);
      await sentCount(1);
      await edit(server, id, (doc) =>
        setRegister(claim(doc, volunteer, stamp()), 'status', 'in_progress', volunteer, stamp()),
      );
      await sentCount(2);
      await Promise.all([settle(), other.runOnce(), other.runOnce()]);
    } finally {
      await other.stop();
    }
    expect(fake.sent.map((s) => s.template_id)).toEqual([
      templateOf('received', 'cy'),
      templateOf('on_the_way', 'cy'),
    ]);
  });

  it('after a restart, sends what was waiting and what happened meanwhile, each once', async () => {
    // A first worker whose retry waits a minute: it is stopped long before it tries again.
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
    const { id } = await submit(server);
    await eventually(() => fake.calls.length === 1, { what: 'the first, failed, try' });
    await first.stop();
    expect(fake.sent).toEqual([]);
    // While no worker runs, the volunteer sets off.
    await edit(server, id, (doc) =>
      setRegister(claim(doc, volunteer, stamp()), 'status', 'in_progress', volunteer, stamp()),
    );
    // The next worker starts two minutes on, when the retry is due; Notify's clock agrees.
    skew = 120_000;
    const again = startNotify({
      ...notifying(fake),
      storage: server.storage,
      now: () => later(skew),
    });
    try {
      await eventually(() => fake.sent.length >= 2, { what: 'both messages after the restart' });
      await again.runOnce();
      await again.runOnce();
    } finally {
      await again.stop();
    }
    // The first waits out its backoff, so the second may go before it.
    expect(fake.sent.map((s) => s.template_id).sort()).toEqual(
      [templateOf('received', 'cy'), templateOf('on_the_way', 'cy')].sort(),
    );
  });
});
