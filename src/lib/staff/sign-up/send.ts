/** Sending the sign-up: `POST /api/volunteers`, and what its answer means for the form. */
import { isApiError } from '#domain/api-errors.ts';
import type { SignUpInput } from '#domain/people/volunteer-sign-up.ts';

export type SendFailure = 'offline' | 'failed' | 'rate_limited';

export type SendResult =
  | { ok: true; username: string }
  | { ok: false; fields: Record<string, string> }
  | { ok: false; failure: SendFailure };

export async function sendSignUp(body: SignUpInput): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch('/api/volunteers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, failure: navigator.onLine ? 'failed' : 'offline' };
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.status === 201) {
    const username = (answer as { username?: unknown } | null)?.username;
    return { ok: true, username: typeof username === 'string' ? username : body.username };
  }
  if (response.status === 429) return { ok: false, failure: 'rate_limited' };
  if (isApiError(answer) && answer.fields && Object.keys(answer.fields).length > 0) {
    return { ok: false, fields: answer.fields };
  }
  return { ok: false, failure: 'failed' };
}
