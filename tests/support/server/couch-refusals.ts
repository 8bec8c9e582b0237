/**
 * The ways a real CouchDB 3.5 refuses Cymorth, for the stand-in (couch-stand-in.ts) to play on
 * demand. Each answer is the one CouchDB itself sends, read in apache/couchdb at tag 3.5.2:
 *
 * - `bad_credentials`: a wrong user name or password, on every request: 401 unauthorized
 *   (src/couch/src/couch_httpd_auth.erl, default_authentication_handler/2).
 * - `locked_out`: CouchDB 3.4+ locks a user out after `[chttpd_auth_lockout] threshold` (5) failed
 *   sign-ins from one address for `max_lifetime` (5 minutes) from the first failure, and checks the
 *   lockout before the password, so even the right one then gets 403 forbidden
 *   (couch_httpd_auth.erl, authenticate/5 and ?LOCKOUT_MSG; src/couch/src/couch_auth_lockout.erl;
 *   test/elixir/test/auth_lockout_test.exs; rel/overlay/etc/default.ini).
 * - `not_admin`: a valid user who is not a server admin. Creating or deleting a database is 401
 *   unauthorized "You are not a server admin.", not 403: chttpd_auth_request.erl's require_admin
 *   throws `unauthorized` (couch_httpd:verify_is_server_admin/1) and only `forbidden` is turned
 *   into 403 there. Reading a database that does not exist is still 404 (passed through here).
 * - `not_member`: a valid user missing from an existing database's `_security` members: 403
 *   forbidden (src/couch/src/couch_db.erl, throw_security_error/1 for a named user).
 * - `failing`: a cluster that cannot answer in time: 500 timeout (src/chttpd/src/chttpd.erl,
 *   error_info(timeout)).
 * - `dropping`: the connection closed with no answer, as a crashed node or a proxy would.
 */
import type express from 'express';

export type Refusal =
  'bad_credentials' | 'locked_out' | 'not_admin' | 'not_member' | 'failing' | 'dropping';

type Answer = { status: number; error: string; reason: string };

export const couchAnswers = {
  bad_credentials: { status: 401, error: 'unauthorized', reason: 'Name or password is incorrect.' },
  locked_out: {
    status: 403,
    error: 'forbidden',
    reason: 'Account is temporarily locked due to multiple authentication failures',
  },
  not_admin: { status: 401, error: 'unauthorized', reason: 'You are not a server admin.' },
  not_member: { status: 403, error: 'forbidden', reason: 'You are not allowed to access this db.' },
  failing: {
    status: 500,
    error: 'timeout',
    reason: 'The request could not be processed in a reasonable amount of time.',
  },
} satisfies Record<Exclude<Refusal, 'dropping'>, Answer>;

/** `/{db}` itself, not a document in it nor a server endpoint (`/_all_dbs`, `/_session`). */
const isDatabasePath = (path: string) => /^\/[a-z][^/]*\/?$/.test(path);

/** Middleware answering as CouchDB would while `current()` names a refusal; else passes on. */
export function refusals(current: () => Refusal | null): express.RequestHandler {
  return (req, res, next) => {
    const refusal = current();
    if (refusal === null) return next();
    if (refusal === 'dropping') {
      req.socket.destroy();
      return;
    }
    if (refusal === 'not_admin') {
      const creates = req.method === 'PUT' || req.method === 'DELETE';
      if (!creates || !isDatabasePath(req.path)) return next();
    }
    if (refusal === 'not_member' && req.path.startsWith('/_')) return next();
    const { status, error, reason } = couchAnswers[refusal];
    res.status(status).json({ error, reason });
  };
}
