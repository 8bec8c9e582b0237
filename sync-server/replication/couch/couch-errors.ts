/**
 * CouchDB-shaped refusals. Its `{ error, reason }` is already the API's one error shape; these are
 * the answers PouchDB's replicator understands (`not_found` on a missing checkpoint starts afresh).
 */
import type { Context } from 'hono';
import { apiError } from '../../http/api-error.ts';

/** Absent and not visible look the same, so a 404 never tells a user a document exists. */
export const missing = (c: Context) => apiError(c, 404, 'not_found', 'missing');

export const badRequest = (c: Context, reason: string) =>
  apiError(c, 400, 'invalid_request', reason);

/** Everything of CouchDB's API the devices do not need (docs/architecture.md: refused, never passed through). */
export const unsupported = (c: Context) =>
  apiError(c, 403, 'forbidden', 'This part of the database API is not available.');
