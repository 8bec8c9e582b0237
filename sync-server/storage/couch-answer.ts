/**
 * Asking a CouchDB database about itself with the status of the answer in hand. PouchDB's http
 * adapter cannot be trusted with this: its `info()` resolves with CouchDB's error body
 * (`{ error, reason }`) instead of rejecting once the database was set up (pouchdb-node 9.0.0,
 * HttpPouch `api._info` reads the body without looking at `response.ok`), so a CouchDB refusing
 * every request looked healthy. The request goes through the adapter's own `fetch`, which sends the
 * credentials of the database's URL as basic auth, as every other request of ours does.
 */

export type CouchAnswer = { status: number; error: string; reason: string };

/** PouchDB's http database: `fetch` is there at run time, though its types leave it out. */
type HttpDb = { fetch(path: string, init: RequestInit & { headers: Headers }): Promise<Response> };

/**
 * `GET` (information) or `PUT` (creation) of the database itself, giving up after `timeoutMs`.
 * Rejects only when no answer came: refused (ECONNREFUSED), cut off, or too slow (TimeoutError).
 */
export async function askCouch(
  db: PouchDB.Database,
  method: 'GET' | 'PUT',
  timeoutMs: number,
): Promise<CouchAnswer> {
  // JSON asked for explicitly: CouchDB redirects a 401 to its login page for clients that accept
  // HTML (chttpd.erl, error_headers/4).
  const headers = new Headers({ Accept: 'application/json' });
  const signal = AbortSignal.timeout(timeoutMs);
  const res = await (db as unknown as HttpDb).fetch('', { method, headers, signal });
  const body = (await res.json().catch(() => ({}))) as { error?: unknown; reason?: unknown };
  return {
    status: res.status,
    error: typeof body.error === 'string' ? body.error : '',
    reason: typeof body.reason === 'string' ? body.reason : '',
  };
}

/** CouchDB's refusal as a thrown value: an Error, so every handler up the chain sees one. */
export class CouchRefusal extends Error {
  override name = 'CouchRefusal';
  readonly status: number;
  readonly error: string;
  readonly reason: string;

  constructor(answer: CouchAnswer) {
    super(`HTTP ${answer.status} ${answer.error}: ${answer.reason}`);
    this.status = answer.status;
    this.error = answer.error;
    this.reason = answer.reason;
  }
}

/**
 * CouchDB 3.4+ refusing a user locked out after repeated failed sign-ins: 403 with this reason,
 * whatever the password (apache/couchdb src/couch/src/couch_httpd_auth.erl, ?LOCKOUT_MSG
 * "Account is temporarily locked due to multiple authentication failures").
 */
export const isLockout = (answer: Pick<CouchAnswer, 'status' | 'reason'>) =>
  answer.status === 403 && /temporarily locked/i.test(answer.reason);
