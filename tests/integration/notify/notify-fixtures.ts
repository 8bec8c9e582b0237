/**
 * What the residents' messages suites share: template ids for every message and language, the
 * settings that point the server at a fake Notify (tests/support/notify/fake-notify.ts) with a
 * worker that polls and retries within milliseconds, a resident's request sent through the web
 * form's endpoint, and a device's status change written as a new revision of the request.
 */
import { requestDocId } from '#domain/documents/doc-ids.ts';
import { languages } from '#domain/languages.ts';
import { residentMessages, type ResidentMessage } from '#domain/messages/resident-messages.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { FakeNotify } from '../../support/notify/fake-notify.ts';
import { foodSubmission, withField, type Json } from '../../support/server/submission-fixtures.ts';
import { postJson, type TestServer } from '../../support/server/test-server.ts';
import type { NotifyOptions } from '../../../sync-server/notify/notify-worker.ts';
import type { TemplateIds } from '../../../sync-server/notify/notify-settings.ts';
import type { Language } from '#domain/languages.ts';

/** A template id per message and language, distinct and readable: `…-0000000001c1` for received, cy. */
export const templates = Object.fromEntries(
  residentMessages.map((message, m) => [
    message,
    Object.fromEntries(
      languages.map((language, l) => [
        language,
        `00000000-0000-4000-8000-${String(m + 1).padStart(10, '0')}${language === 'cy' ? 'c' : 'e'}${l}`,
      ]),
    ),
  ]),
) as TemplateIds;

export const templateOf = (message: ResidentMessage, language: Language) =>
  templates[message][language];

export const allTemplateIds = residentMessages.flatMap((m) =>
  languages.map((l) => templates[m][l]),
);

export const callbackToken = 'a-callback-token-only-notify-knows';

export const quickBackoff = { baseMs: 40, capMs: 120, maxAttempts: 3 };

export function notifying(fake: FakeNotify): Omit<NotifyOptions, 'storage'> {
  return {
    settings: { apiKey: fake.apiKey, baseUrl: fake.url, callbackToken, templates },
    pollMs: 40,
    backoff: quickBackoff,
    timeoutMs: 300,
    log: () => undefined,
  };
}

export const mobile = '07700900982';

/** Sends a resident's request through the form's endpoint; gives its request id and reference. */
export async function submit(
  server: TestServer,
  { method = 'text_message', language = 'cy', phone = '07700 900982' } = {},
) {
  let submission: Record<string, Json> = foodSubmission();
  submission = withField(submission, ['contact', 'contact_method'], method);
  submission = withField(submission, ['contact', 'language'], language);
  submission = withField(submission, ['contact', 'phone'], phone);
  const res = await postJson(server, submission);
  if (res.status !== 201) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
  const { reference } = (await res.json()) as { reference: string };
  return { id: requestDocId(String(submission.id)), reference };
}

/** A device's edit of the request landing on the server, as a new revision of the stored one. */
export async function edit(
  server: TestServer,
  id: string,
  change: (doc: RequestDoc) => RequestDoc,
) {
  const stored = (await server.storage.replicatedDb.get(id)) as unknown as RequestDoc;
  await server.storage.replicatedDb.put(change(stored) as never);
}
