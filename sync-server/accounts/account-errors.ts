/**
 * The error codes staff sign-in adds to #domain/api-errors.ts, answered in the same
 * `{ error, reason }` shape. Kept here until the domain file takes them (the UI will translate them):
 * - `invalid_credentials` (401): wrong username or password, the same answer for both;
 * - `session_expired` (401): the session ran past its idle or absolute limit; sign in again;
 * - `account_disabled` (403): the account exists but an admin has switched it off;
 * - `forbidden` (403): signed in, but the role may not do this.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorCode } from '#domain/api-errors.ts';

export const accountErrorCodes = [
  'invalid_credentials',
  'session_expired',
  'account_disabled',
  'forbidden',
] as const;
export type AccountErrorCode = (typeof accountErrorCodes)[number];

export function accountError(
  c: Context,
  status: ContentfulStatusCode,
  error: ApiErrorCode | AccountErrorCode,
  reason: string,
): Response {
  // Nothing about who is (or is not) signed in may be kept by a cache along the way.
  c.header('Cache-Control', 'no-store');
  return c.json({ error, reason }, status);
}
