/**
 * The client's reading of Notify's answers (sync-server/notify/notify-client.ts), against the
 * fake: 201 is sent, with Notify's id; 5xx, 429 and no answer at all are worth trying again;
 * any other 4xx, a key Notify refuses among them, is a failure for good.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifyClient, type Notification } from '../../../sync-server/notify/notify-client.ts';
import { startFakeNotify, type FakeNotify } from '../../support/notify/fake-notify.ts';
import { allTemplateIds, templateOf } from './notify-fixtures.ts';

const message: Notification = {
  channel: 'sms',
  to: '07700900982',
  templateId: templateOf('received', 'cy'),
  personalisation: { reference: '482 173 905' },
  reference: 'notify:request:test:received',
};

let fake: FakeNotify;
beforeEach(async () => {
  fake = await startFakeNotify({ templates: allTemplateIds });
});
afterEach(() => fake.close());

const client = (apiKey = fake.apiKey, baseUrl = fake.url) =>
  notifyClient({ apiKey, baseUrl, now: () => new Date(), timeoutMs: 300 });

describe('Notify’s answers', () => {
  it('201 is sent, with Notify’s id', async () => {
    expect(await client().send(message)).toEqual({
      kind: 'sent',
      id: expect.any(String) as string,
    });
    expect(fake.sent).toEqual([
      {
        channel: 'sms',
        to: '07700900982',
        template_id: message.templateId,
        personalisation: message.personalisation,
        reference: message.reference,
      },
    ]);
  });

  it('sends an email to /v2/notifications/email with its address', async () => {
    const email = { ...message, channel: 'email' as const, to: 'siân@example.org' };
    expect(await client().send(email)).toMatchObject({ kind: 'sent' });
    expect(fake.calls.map((c) => c.path)).toEqual(['/v2/notifications/email']);
  });

  it('5xx and 429 are tried again; other 4xx are not', async () => {
    fake.answerNext(500, 429, 400);
    expect(await client().send(message)).toEqual({
      kind: 'retry',
      status: 500,
      error: 'Exception',
    });
    expect(await client().send(message)).toMatchObject({ kind: 'retry', status: 429 });
    expect(await client().send(message)).toEqual({
      kind: 'failed',
      status: 400,
      error: 'BadRequestError',
    });
  });

  it('a key Notify does not know fails for good', async () => {
    const wrong = fake.apiKey.slice(0, -4) + '0000';
    expect(await client(wrong).send(message)).toEqual({
      kind: 'failed',
      status: 403,
      error: 'AuthError',
    });
  });

  it('a template Notify does not have fails for good', async () => {
    const unknown = { ...message, templateId: '11111111-1111-4111-8111-111111111111' };
    expect(await client().send(unknown)).toMatchObject({ kind: 'failed', status: 400 });
  });

  it('no answer, or nobody there, is tried again', async () => {
    fake.answerNext(0);
    expect(await client().send(message)).toEqual({ kind: 'retry', status: null, error: 'timeout' });
    const gone = fake.url;
    await fake.close();
    expect(await client(fake.apiKey, gone).send(message)).toEqual({
      kind: 'retry',
      status: null,
      error: 'network',
    });
    fake = await startFakeNotify({ templates: allTemplateIds });
  });
});
