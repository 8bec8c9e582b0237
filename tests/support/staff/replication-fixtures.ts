/**
 * The replication suite's world: the real server on a port with staff accounts, documents seeded
 * straight into its replicated database, and real PouchDB clients (memory adapter) that replicate
 * with `<origin>/db` carrying a session cookie, as a device does.
 */
import { createRequire } from 'node:module';
import PouchDB from 'pouchdb-node';
import { canRead } from '#domain/access/access.ts';
import { requestIdOf } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { assign, setRegister } from '#domain/requests/edits.ts';
import { at, coordinatorId } from '../factories.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffRole } from '#domain/people/account-rules.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { staffUserId } from '../../../sync-server/accounts/staff-user-id.ts';
import type { StorageKind } from '../server/storages.ts';
import type { TestServer } from '../server/test-server.ts';
import { seedUser, signedIn } from './account-fixtures.ts';

const require = createRequire(import.meta.url);
PouchDB.plugin(require('pouchdb-adapter-memory') as PouchDB.Plugin);

export type Staff = { username: string; user: StaffUser; cookie: string };

/** Creates the account, signs it in, and gives its id as documents name it. */
export async function staff(
  server: TestServer,
  username: string,
  role: StaffRole,
  areas: string[],
): Promise<Staff> {
  await seedUser(server.storage, { username, role, areas });
  const cookie = await signedIn(server.url, username);
  return {
    username,
    user: { id: staffUserId(username), role, areas, disabled: false },
    cookie,
  };
}

let clientCount = 0;

/** The server's `/db` as this person's device reaches it. */
export function remoteDb(server: Pick<TestServer, 'url'>, cookie?: string): PouchDB.Database {
  return new PouchDB(`${server.url}/db`, {
    skip_setup: true,
    fetch: (url, opts) => {
      const headers = new Headers(opts?.headers);
      if (cookie) headers.set('cookie', cookie);
      return PouchDB.fetch(url, { ...opts, headers });
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

/** A fresh device database in memory. */
export function deviceDb(): PouchDB.Database {
  return new PouchDB(`device-${++clientCount}-${Date.now()}`, { adapter: 'memory' });
}

export async function seed(server: TestServer, docs: readonly StaffDoc[]): Promise<void> {
  const results = await server.storage.replicatedDb.bulkDocs([
    ...docs,
  ] as PouchDB.Core.PutDocument<object>[]);
  const failed = results.filter((r) => 'error' in r && r.error);
  if (failed.length > 0) throw new Error(`Seeding failed: ${JSON.stringify(failed)}`);
}

/** The live documents of a database, without revisions, by id. */
export async function liveIds(db: PouchDB.Database): Promise<string[]> {
  const all = await db.allDocs();
  return all.rows.map((r) => r.id).sort();
}

/** What `canRead` lets `user` see of `docs` (judged with each child's request). */
export function expectedIds(user: StaffUser, docs: readonly StaffDoc[], now?: string): string[] {
  const requests = new Map(
    docs.filter((d): d is RequestDoc => d.type === 'request').map((d) => [d._id, d]),
  );
  return docs
    .filter((d) => canRead(user, d, requests.get(requestIdOf(d._id) ?? ''), now))
    .map((d) => d._id)
    .sort();
}

/** The stored winner of `id` in the server's replicated database, or null. */
export async function stored(server: TestServer, id: string): Promise<StaffDoc | null> {
  try {
    return (await server.storage.replicatedDb.get(id)) as unknown as StaffDoc;
  } catch {
    return null;
  }
}

export function dbFetch(
  server: TestServer,
  path: string,
  init: RequestInit & { cookie?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set('cookie', init.cookie);
  return fetch(`${server.url}${path}`, { ...init, headers });
}

/** One document's answer from `/db/_bulk_docs`: its id and rev, or why it was refused. */
export type BulkAnswer = { id?: string; ok?: boolean; error?: string; reason?: string };

/**
 * `docs` posted to `/db/_bulk_docs` with `cookie`, as a device's replication posts them
 * (`newEdits: false`) or as a client writing new revisions; the status and each answer.
 */
export async function postBulkDocs(
  server: TestServer,
  cookie: string,
  docs: unknown[],
  newEdits = true,
): Promise<{ status: number; answers: BulkAnswer[] }> {
  const res = await dbFetch(server, '/db/_bulk_docs', {
    method: 'POST',
    cookie,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ docs, new_edits: newEdits }),
  });
  return { status: res.status, answers: (await res.json()) as BulkAnswer[] };
}

/** A device of `who`, synced from the server once (then offline, unless the test syncs it). */
export async function syncedDevice(server: TestServer, who: Staff): Promise<PouchDB.Database> {
  const db = deviceDb();
  await db.replicate.from(remoteDb(server, who.cookie));
  return db;
}

/** Compaction as CouchDB runs it by itself: only leaf revisions keep their bodies. */
export async function compact(s: TestServer, kind: StorageKind): Promise<void> {
  if (kind === 'leveldb') {
    await (s.storage.replicatedDb as PouchDB.Database).compact();
    return;
  }
  const db = new PouchDB(`${s.location}cymorth`, { skip_setup: true });
  await db.compact();
  await db.close();
}

/** The coordinator assigns `request` to `volunteerId` (status `assigned`), as their device writes it. */
export const assignedTo = (request: RequestDoc, volunteerId: string): RequestDoc =>
  setRegister(
    assign(request, volunteerId, coordinatorId, at(100)),
    'status',
    'assigned',
    coordinatorId,
    at(100),
  );

let branchCount = 0;
/**
 * `edited` as a replicated revision growing from `parent`, a revision a device held: what a stale
 * or hostile device sends with `new_edits: false`, whatever has won on the server since.
 */
export function branchOff<T extends StaffDoc>(parent: T, edited: T): T {
  const [gen, hash] = (parent._rev ?? '').split('-');
  const id = (++branchCount).toString(16).padStart(32, 'b');
  const start = Number(gen) + 1;
  return { ...edited, _rev: `${start}-${id}`, _revisions: { start, ids: [id, hash!] } };
}
