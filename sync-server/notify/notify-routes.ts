/**
 * Notify's two doors into the server (docs/architecture.md, "Telling residents"):
 *
 * - `GET /api/notify/status`, for admins: whether Notify is configured (without a key nothing is
 *   sent or queued), whether replies are taken, how many messages wait, and the messages that
 *   failed (the newest 200, and how many in all), by request and reference, never by number or
 *   name.
 * - `POST /api/notify/received-text`, Notify's callback for texts residents send
 *   (`{ id, source_number, destination_number, message, date_received }`, with
 *   `Authorization: Bearer <NOTIFY_CALLBACK_TOKEN>`): a STOP stops every message to that number.
 *   The reply itself is not kept. Without a token set the door is not there (404).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { isStopReply, phoneOfSender } from '#domain/messages/sms-replies.ts';
import { isUkPhone } from '#domain/questions/contact-format.ts';
import { requireRole, type SessionEnv } from '../accounts/sessions/require-session.ts';
import { apiError, methodNotAllowed, notFound } from '../http/api-error.ts';
import { readJsonBody } from '../http/json-body.ts';
import type { Storage } from '../storage/storage.ts';
import { failedMessages, queuedCount } from './message-queue.ts';
import type { NotifySettings } from './notify-settings.ts';
import { recordOptOut } from './opt-outs.ts';
import { readRequest } from './status-follower.ts';

export type NotifyRoutesOptions = {
  storage: Storage;
  settings: NotifySettings;
  requireSession: MiddlewareHandler<SessionEnv>;
  maxBodyBytes: number;
  now: () => Date;
};

/** The most failed messages the status lists. */
export const maxListed = 200;

/** What Notify posts for a text received; other fields are allowed and ignored. */
const receivedText = v.object({
  source_number: v.pipe(v.string(), v.maxLength(30)),
  message: v.pipe(v.string(), v.maxLength(2000)),
});

/** Compared by hashes of equal length, in constant time. */
function sameToken(given: string, expected: string): boolean {
  const hash = (s: string) => new Uint8Array(createHash('sha256').update(s).digest());
  return timingSafeEqual(hash(given), hash(expected));
}

export function notifyRoutes(options: NotifyRoutesOptions): Hono<SessionEnv> {
  const { storage, settings } = options;
  const routes = new Hono<SessionEnv>();

  routes.get('/status', options.requireSession, requireRole('admin'), async (c) => {
    const all = await failedMessages(storage.serverOnly);
    // Newest first, and a page of them: a wrong template id fails every message until fixed.
    const newest = all
      .sort((a, b) => (b.failure?.at ?? '').localeCompare(a.failure?.at ?? ''))
      .slice(0, maxListed);
    const failed = [];
    for (const message of newest) {
      const request = await readRequest(storage, message.request_id);
      failed.push({
        id: message._id,
        request_id: message.request_id,
        reference: request?.reference ?? null,
        message: message.message,
        language: message.language,
        attempts: message.attempts,
        queued_at: message.queued_at,
        failed_at: message.failure?.at ?? null,
        status: message.failure?.status ?? null,
        error: message.failure?.error ?? null,
      });
    }
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        configured: settings.apiKey !== null,
        receives_replies: settings.callbackToken !== null,
        queued: await queuedCount(storage.serverOnly),
        failed_total: all.length,
        failed,
      },
      200,
    );
  });
  routes.all('/status', methodNotAllowed(['GET', 'HEAD']));

  routes.post('/received-text', async (c) => {
    const token = settings.callbackToken;
    if (token === null) return notFound(c);
    const given = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    if (!sameToken(given, token)) {
      return apiError(c, 401, 'unauthorized', 'The callback’s bearer token is not this server’s.');
    }
    const body = await readJsonBody(c.req.raw, options.maxBodyBytes);
    if (!body.ok) return apiError(c, body.status, body.error, body.reason);
    const parsed = v.safeParse(receivedText, body.value);
    if (!parsed.success) {
      return apiError(c, 400, 'invalid_request', 'Expected Notify’s received-text message.');
    }
    const phone = phoneOfSender(parsed.output.source_number);
    if (isStopReply(parsed.output.message) && isUkPhone(phone)) {
      await recordOptOut(storage.serverOnly, phone, options.now());
    }
    // Notify only needs to know it arrived; anything else would be retried.
    return c.body(null, 204);
  });
  routes.all('/received-text', methodNotAllowed(['POST']));
  return routes;
}
