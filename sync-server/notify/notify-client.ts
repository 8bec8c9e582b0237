/**
 * Sending one message through Notify's REST API v2 (`POST /v2/notifications/sms`, and `/email`
 * for when an address is asked for): `template_id`, `personalisation` and our `reference`, which
 * names the message, never the person. The answer sorts every call into three: sent (201, with
 * Notify's id), worth trying again (a network error, a timeout, 5xx, or 429, Notify's "too many
 * requests", which says to wait rather than that the message is wrong), or failed for good (any
 * other 4xx: a bad template id, a number Notify will not take, a key it refuses), recorded with
 * Notify's error class, never its message, which may repeat the number.
 */
import { notifyToken } from './notify-token.ts';

export type Channel = 'sms' | 'email';

export type Notification = {
  channel: Channel;
  /** A phone number for `sms`, an address for `email`. */
  to: string;
  templateId: string;
  personalisation: Record<string, string>;
  reference: string;
};

export type SendOutcome =
  | { kind: 'sent'; id: string }
  | { kind: 'retry'; status: number | null; error: string }
  | { kind: 'failed'; status: number; error: string };

export type NotifyClient = { send(notification: Notification): Promise<SendOutcome> };

/** Notify's error body: `{ status_code, errors: [{ error, message }] }`. */
function errorClass(body: unknown): string {
  const first = (body as { errors?: { error?: unknown }[] } | null)?.errors?.[0]?.error;
  return typeof first === 'string' && /^\w{1,60}$/.test(first) ? first : 'UnknownError';
}

export function notifyClient(options: {
  apiKey: string;
  baseUrl: string;
  now: () => Date;
  /** How long to wait for Notify's answer; 10 s when not given. */
  timeoutMs?: number;
}): NotifyClient {
  return {
    async send(notification) {
      const address = notification.channel === 'sms' ? 'phone_number' : 'email_address';
      let response: Response;
      try {
        response = await fetch(`${options.baseUrl}/v2/notifications/${notification.channel}`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${notifyToken(options.apiKey, options.now())}`,
            'Content-Type': 'application/json',
            'User-Agent': 'cymorth',
          },
          body: JSON.stringify({
            [address]: notification.to,
            template_id: notification.templateId,
            personalisation: notification.personalisation,
            reference: notification.reference,
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        return { kind: 'retry', status: null, error: timedOut ? 'timeout' : 'network' };
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.status === 201) {
        const id = (body as { id?: unknown } | null)?.id;
        return { kind: 'sent', id: typeof id === 'string' ? id : '' };
      }
      const error = errorClass(body);
      if (response.status >= 500 || response.status === 429) {
        return { kind: 'retry', status: response.status, error };
      }
      return { kind: 'failed', status: response.status, error };
    },
  };
}
