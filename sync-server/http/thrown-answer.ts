/**
 * One answer and one log line for whatever a handler throws, Error or not.
 *
 * Hono hands only Error instances to `onError` (hono 4.13, compose.js: `err instanceof Error &&
 * onError`) and rethrows anything else, which @hono/node-server answers with an empty 500 that
 * nobody logged. PouchDB's http adapter rejects with plain objects (CouchDB's error body), so every
 * CouchDB failure used to end that way. `catchThrown` catches them below the security headers and
 * compression, so the answer still gets both.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { internalError, storageUnavailable } from './api-error.ts';
import { storageFault } from '../storage/storage-fault.ts';

export function answerThrown(c: Context, thrown: unknown): Response {
  // The path, never the query: ids and references carry no personal data (docs/architecture.md).
  const where = `${c.req.method} ${new URL(c.req.url).pathname}`;
  const fault = storageFault(thrown);
  if (fault !== null) {
    console.error(`${where}: storage ${fault.summary}`);
    return fault.status === 503 ? storageUnavailable(c) : internalError(c);
  }
  if (thrown instanceof Error) {
    // A bug of ours: its stack is worth the lines in the log; the answer says nothing of it.
    console.error(`${where} failed:`, thrown);
  } else {
    console.error(`${where} failed: a thrown ${typeof thrown}`);
  }
  return internalError(c);
}

/** Answers what Hono's `onError` never sees (thrown values that are not Errors). */
export function catchThrown(): MiddlewareHandler {
  return async (c, next) => {
    try {
      await next();
    } catch (thrown) {
      c.res = answerThrown(c, thrown);
    }
  };
}
