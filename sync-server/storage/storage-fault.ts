/**
 * What a failed storage call means for the answer, and the one log line that says why.
 *
 * 503 while storage refuses or cannot be reached, so a load balancer or a device tries again
 * (perhaps elsewhere): CouchDB refusing the credentials or the permission, or locked out (401,
 * 403), failing itself (5xx), its database gone (404 "Database does not exist.", chttpd.erl
 * error_info(database_does_not_exist)), no answer at all, or LevelDB closed. 500 for any other
 * storage error, which is a bug of ours (a 400 for a request we should not have made).
 *
 * Storage fails in three shapes:
 * - with a `status`: PouchDB's http adapter rejects with CouchDB's JSON error body, a plain
 *   object and not an Error (pouchdb-node 9.0.0, generateErrorFromResponse); PouchDB's own errors
 *   (PouchError) and CouchRefusal (couch-answer.ts) are Errors;
 * - when no answer came, the adapter's fetch rejects (`socketProblem` below);
 * - PouchDB rejects every call on a closed database with Error "database is closed".
 *
 * The summary never holds credentials or a document's content: a status, CouchDB's error name and
 * reason (its own words, a URL's credentials masked), or a socket error's code.
 */
export type StorageFault = { status: 500 | 503; summary: string };

type Answered = {
  status: number;
  error?: unknown;
  name?: unknown;
  reason?: unknown;
  message?: unknown;
};

const hasStatus = (thrown: unknown): thrown is Answered =>
  typeof thrown === 'object' &&
  thrown !== null &&
  typeof (thrown as { status?: unknown }).status === 'number';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One short line of someone else's words, a URL's credentials masked. */
export const oneLine = (words: string) =>
  words
    .replace(/\/\/[^/\s@]*@/g, '//***@')
    .replace(/\s+/g, ' ')
    .slice(0, 200);

const isRefusal = (status: number, reason: string) =>
  status === 401 ||
  status === 403 ||
  status >= 500 ||
  (status === 404 && reason === 'Database does not exist.');

/**
 * Why no usable answer came, or null when `thrown` is not about that. PouchDB's http adapter in
 * Node fetches with node-fetch 2 (pouchdb-node 9.0.0 wraps it in fetch-cookie): a FetchError with
 * the socket error's `code` (ECONNREFUSED, ECONNRESET…) or, for a body that is no JSON (a proxy's
 * error page), its `type`; an AbortError when our own timeout (couch-answer.ts) fired.
 */
export function socketProblem(thrown: unknown): string | null {
  if (!(thrown instanceof Error)) return null;
  if (thrown.name === 'AbortError' || thrown.name === 'TimeoutError') return 'no answer in time';
  if (thrown.name !== 'FetchError') return null;
  const { code, type } = thrown as { code?: unknown; type?: unknown };
  return text(code) || text(type) || oneLine(thrown.message);
}

/** The fault, or null when `thrown` did not come from storage. */
export function storageFault(thrown: unknown): StorageFault | null {
  if (hasStatus(thrown)) {
    const name = text(thrown.error) || text(thrown.name);
    const reason = text(thrown.reason) || text(thrown.message);
    const summary = `HTTP ${thrown.status} ${oneLine(name)} (${oneLine(reason)})`;
    return isRefusal(thrown.status, reason)
      ? { status: 503, summary: `refused: ${summary}` }
      : { status: 500, summary: `failed: ${summary}` };
  }
  if (!(thrown instanceof Error)) return null;
  if (thrown.message === 'database is closed') return { status: 503, summary: 'closed' };
  const socket = socketProblem(thrown);
  return socket === null ? null : { status: 503, summary: `unreachable: ${socket}` };
}
