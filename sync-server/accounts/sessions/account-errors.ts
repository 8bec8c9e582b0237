/**
 * Staff sign-in's answers, in the one `{ error, reason }` shape with codes from #domain/api-errors.ts:
 * - `invalid_credentials` (401): wrong username or password, the same answer for both;
 * - `session_expired` (401): the session ran past its idle or absolute limit; sign in again;
 * - `account_disabled` (403): the account exists but an admin has switched it off;
 * - `forbidden` (403): signed in, but the role may not do this.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorCode } from '#domain/api-errors.ts';

export function accountError(
  c: Context,
  status: ContentfulStatusCode,
  error: ApiErrorCode,
  reason: string,
): Response {
  // Nothing about who is (or is not) signed in may be kept by a cache along the way.
  c.header('Cache-Control', 'no-store');
  return c.json({ error, reason }, status);
}
