/**
 * The one error shape (`{ error, reason, fields? }`, see #domain/api-errors.ts) for every 4xx and
 * 5xx this server sends, including ones for pages and files, so clients never parse two formats.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorCode } from '#domain/api-errors.ts';

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  error: ApiErrorCode,
  reason: string,
  fields?: Record<string, string>,
): Response {
  const body: ApiError = fields ? { error, reason, fields } : { error, reason };
  return c.json(body, status);
}

export const notFound = (c: Context) =>
  apiError(c, 404, 'not_found', 'There is nothing at this address.');

/** A handler for a known path called with a method it does not take. */
export function methodNotAllowed(allowed: readonly string[]) {
  return (c: Context) => {
    c.header('Allow', allowed.join(', '));
    return apiError(c, 405, 'method_not_allowed', `This address takes ${allowed.join(' or ')}.`);
  };
}

export const internalError = (c: Context) =>
  apiError(c, 500, 'internal', 'Something went wrong on the server; please try again.');

/** Storage refuses or cannot be reached (storage-fault.ts): worth trying again shortly. */
export const storageUnavailable = (c: Context) =>
  apiError(c, 503, 'internal', 'The database is not answering; please try again shortly.');
