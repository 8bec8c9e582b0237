/**
 * Opening one of Cymorth's databases on a CouchDB server at start-up, creating it when missing, and
 * saying which of five things went wrong when that fails, since each has another fix: CouchDB
 * unreachable, the credentials wrong, the user locked out (CouchDB 3.4+), the user lacking a
 * permission (not a server admin where a database must be created, or not a member of it), or
 * CouchDB failing. The URL's credentials never appear in a message (`redactUrl`).
 *
 * What CouchDB 3.5 answers, read in apache/couchdb 3.5.2 (tests/support/server/couch-refusals.ts has
 * each answer and where it comes from): GET /{db} is 401 for wrong credentials, 403 with "Account
 * is temporarily locked…" for a locked-out user, 403 for a user missing from the database's
 * members, 404 for a database that does not exist; PUT /{db} by a user who is no server admin is
 * 401 "You are not a server admin.", which after a 404 (credentials accepted) means a permission.
 * https://docs.couchdb.org/en/stable/api/database/common.html
 */
import PouchDB from 'pouchdb-node';
import { askCouch, isLockout, type CouchAnswer } from './couch-answer.ts';
import { redactUrl } from './couch-url.ts';
import { oneLine, socketProblem } from './storage-fault.ts';

export type CouchProblem =
  'unreachable' | 'bad_credentials' | 'locked_out' | 'no_permission' | 'failing';

/** CouchDB could not be used; the message is safe to print and says what to do. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(
    readonly problem: CouchProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Long enough for a slow cluster, short enough that a wrong address fails start-up visibly. */
const answerTimeoutMs = 15_000;
const guide = 'see README, "Scaling beyond one machine"';

type Step = 'open' | 'create';

function refusal(location: string, name: string, answer: CouchAnswer, step: Step) {
  const where = `CouchDB at ${redactUrl(location)}`;
  const said = `(HTTP ${answer.status}${answer.reason ? `: ${oneLine(answer.reason)}` : ''})`;
  const hasUser = new URL(location).username !== '';
  if (isLockout(answer)) {
    return new StorageUnavailableError(
      'locked_out',
      `${where} has temporarily locked out the user in COUCHDB_URL after repeated failed sign-ins ${said}. Something signing in as that user from the same address has a wrong password: correct it, then wait for the lockout to end ([chttpd_auth_lockout] max_lifetime, 5 minutes by default).`,
    );
  }
  if (step === 'create' && (answer.status === 401 || answer.status === 403)) {
    return new StorageUnavailableError(
      'no_permission',
      `The user in COUCHDB_URL may not create the database "${name}" on ${where} ${said}. Have a CouchDB admin create "cymorth" and "cymorth_server" and add this user to each one's _security members (${guide}).`,
    );
  }
  if (answer.status === 401) {
    return new StorageUnavailableError(
      'bad_credentials',
      hasUser
        ? `${where} refused the user name or password in COUCHDB_URL ${said}. Correct them: every failed attempt counts toward CouchDB's lockout of that user.`
        : `${where} asks for a user name and password, and COUCHDB_URL has none ${said}.`,
    );
  }
  if (answer.status === 403) {
    return new StorageUnavailableError(
      'no_permission',
      `The user in COUCHDB_URL may not use the database "${name}" on ${where} ${said}. Have a CouchDB admin add it to the database's _security members (${guide}).`,
    );
  }
  return new StorageUnavailableError(
    'failing',
    `${where} could not open the database "${name}" ${said}. See CouchDB's own log.`,
  );
}

function unreachable(location: string, error: unknown) {
  const why =
    socketProblem(error) ?? (error instanceof Error ? oneLine(error.message) : 'no answer');
  return new StorageUnavailableError(
    'unreachable',
    `Could not reach CouchDB at ${redactUrl(location)}: ${why}. Check COUCHDB_URL and that CouchDB is running.`,
  );
}

/** The database `name` on the server at `location` (ending in `/`), created if missing. */
export async function openCouchDatabase(location: string, name: string): Promise<PouchDB.Database> {
  // No set-up by PouchDB: it would create the database on first use, where this says why it can't.
  const db = new PouchDB(`${location}${name}`, { skip_setup: true });
  try {
    const found = await askCouch(db, 'GET', answerTimeoutMs);
    if (found.status === 200) return db;
    if (found.status !== 404) throw refusal(location, name, found, 'open');
    const made = await askCouch(db, 'PUT', answerTimeoutMs);
    // 412: another instance created it a moment ago.
    if (made.status === 201 || made.status === 202 || made.status === 412) return db;
    throw refusal(location, name, made, 'create');
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error instanceof StorageUnavailableError ? error : unreachable(location, error);
  }
}
