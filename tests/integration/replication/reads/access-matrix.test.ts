/**
 * The access matrix: on many random assignment graphs (seeded, so a failure names its graph), for
 * every user (each role, disabled accounts too) and every document class, every `/db` endpoint a
 * replicator uses answers with exactly what the oracle (access-matrix-world.ts, written from
 * docs/architecture.md's table, not from `canRead`) lets that user read, and treats everything else exactly
 * like a document that does not exist. Writes the table forbids come back as per-document
 * refusals and store nothing: the database's update sequence does not move.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { noteDocId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { claim, recordConsent, setRegister } from '#domain/requests/edits.ts';
import { setDisabled } from '../../../../sync-server/accounts/account-store.ts';
import {
  seedUser,
  signedIn,
  startAccountServer,
  testClock,
  testScrypt,
} from '../../../support/staff/account-fixtures.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { testUuid } from '../../../support/factories.ts';
import { seededRandom } from '../../../support/seeded-random.ts';
import {
  matrixWorld,
  oracleCanRead,
  type MatrixUser,
  type MatrixWorld,
} from './access-matrix-world.ts';
import { dbFetch, seed } from '../../../support/staff/replication-fixtures.ts';

const graphs = 12;
const baseSeed = 7100;
/** Sixteen days after the documents' `t0`: some closed tasks are past the volunteer retention. */
const serverNow = '2030-01-26T09:00:00.000Z';
const absentId = `request:${testUuid(987_654)}`;

type Row = {
  id?: string;
  key?: string;
  value?: { rev: string; deleted?: boolean };
  doc?: { _id: string };
  error?: string;
};
type Stored = { id: string; rev: string };

const tally = { users: 0, reads: 0, granted: 0, refusedWrites: 0, withheld: 0, recorded: 0 };
afterAll(() => {
  // Guard against graphs that only ever produce one answer: the matrix must grant and deny.
  expect(tally.granted).toBeGreaterThan(tally.reads / 6);
  expect(tally.granted).toBeLessThan(tally.reads * 0.9);
  expect(tally.refusedWrites).toBeGreaterThan(graphs * 5);
  // The consent rule must really be exercised: contacts of a volunteer's own active task withheld
  // for want of consent, and others reaching them because a coordinator recorded it.
  expect(tally.withheld).toBeGreaterThan(0);
  expect(tally.recorded).toBeGreaterThan(0);
});

async function seedGraph(server: TestServer, world: MatrixWorld): Promise<Map<string, Stored>> {
  await seed(server, world.docs);
  for (const id of world.deleted) {
    const doc = await server.storage.replicatedDb.get(id);
    await server.storage.replicatedDb.put({ _id: id, _rev: doc._rev, _deleted: true });
  }
  const all = await server.storage.replicatedDb.allDocs({ keys: world.docs.map((d) => d._id) });
  const revs = new Map<string, Stored>();
  for (const row of all.rows)
    if (!('error' in row)) revs.set(row.id, { id: row.id, rev: row.value.rev });
  return revs;
}

async function getJson(server: TestServer, path: string, cookie: string, init: RequestInit = {}) {
  const res = await dbFetch(server, path, { ...init, cookie });
  return { status: res.status, body: (await res.json()) as unknown };
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Every read endpoint, for one user: answers hold exactly `visible`, nothing else leaks. */
async function checkReads(
  server: TestServer,
  cookie: string,
  world: MatrixWorld,
  revs: Map<string, Stored>,
  visible: Set<string>,
  label: string,
) {
  const allIds = [...world.docs.map((d) => d._id), absentId];
  const live = new Set([...visible].filter((id) => !world.deleted.has(id)));
  const sorted = (ids: Iterable<string>) => [...ids].sort();

  const info = await getJson(server, '/db', cookie);
  expect(info.status, label).toBe(200);
  expect(Object.keys(info.body as object).sort(), label).toEqual([
    'db_name',
    'doc_count',
    'instance_start_time',
    'update_seq',
  ]);
  // The count is of what this user may read now, so it tells nobody how much else there is.
  expect((info.body as { doc_count: number }).doc_count, `${label} doc_count`).toBe(live.size);

  // _changes, normal and longpoll, whole and in small pages; with bodies and every leaf.
  for (const query of ['include_docs=true&style=all_docs', 'feed=longpoll&include_docs=true']) {
    const { body } = await getJson(server, `/db/_changes?since=0&${query}`, cookie);
    const results = (body as { results: (Row & { id: string })[] }).results;
    expect(sorted(new Set(results.map((r) => r.id))), `${label} _changes ${query}`).toEqual(
      sorted(visible),
    );
    for (const r of results) if (r.doc) expect(visible.has(r.doc._id), label).toBe(true);
  }
  const paged = new Set<string>();
  let since = '0';
  for (let page = 0; page < 100; page++) {
    const { body } = await getJson(server, `/db/_changes?since=${since}&limit=3`, cookie);
    const { results, last_seq } = body as { results: { id: string }[]; last_seq: string };
    if (results.length === 0) break;
    for (const r of results) paged.add(r.id);
    since = last_seq;
  }
  expect(sorted(paged), `${label} _changes paged`).toEqual(sorted(visible));

  // _all_docs: the range with and without bodies, and by keys (GET and POST).
  for (const query of ['', '?include_docs=true', '?limit=2&startkey=%22note%3A%22']) {
    const { body } = await getJson(server, `/db/_all_docs${query}`, cookie);
    const rows = (body as { rows: Row[] }).rows;
    for (const row of rows) {
      expect(live.has(row.id ?? ''), `${label} _all_docs${query} ${row.id}`).toBe(true);
      if (row.doc) expect(row.doc._id).toBe(row.id);
    }
    if (query !== '?limit=2&startkey=%22note%3A%22')
      expect(sorted(rows.map((r) => r.id ?? '')), label).toEqual(sorted(live));
  }
  for (const [path, init] of [
    ['/db/_all_docs?include_docs=true', post({ keys: allIds })],
    [`/db/_all_docs?keys=${encodeURIComponent(JSON.stringify(allIds.slice(0, 8)))}`, {}],
  ] as const) {
    const { body } = await getJson(server, path, cookie, init);
    for (const row of (body as { rows: Row[] }).rows) {
      if (visible.has(row.key ?? '')) expect(row.value, `${label} keys ${row.key}`).toBeDefined();
      else expect(row, `${label} keys ${row.key}`).toEqual({ key: row.key, error: 'not_found' });
    }
  }

  // A single document, every way a replicator asks; a hidden one answers as an absent one does.
  const absent = await getJson(server, `/db/${encodeURIComponent(absentId)}`, cookie);
  const variants = (rev: string) => [
    '',
    '?revs=true',
    '?open_revs=all',
    `?open_revs=${encodeURIComponent(JSON.stringify([rev]))}&revs=true`,
    `?rev=${rev}`,
    '?conflicts=true&latest=true',
  ];
  for (const [i, id] of allIds.entries()) {
    const rev = revs.get(id)?.rev ?? '1-0';
    const query = variants(rev)[i % 6]!;
    const got = await getJson(server, `/db/${encodeURIComponent(id)}${query}`, cookie);
    tally.reads++;
    if (visible.has(id)) {
      tally.granted++;
      expect(got.status, `${label} GET ${id}${query}`).toBe(
        world.deleted.has(id) && !query.includes('open_revs') && !query.includes('rev=')
          ? 404
          : 200,
      );
    } else {
      expect(got, `${label} GET ${id}${query}`).toEqual(absent);
    }
  }

  // _bulk_get and _revs_diff over every id, with its real revision.
  const asked = allIds.map((id) => ({ id, rev: revs.get(id)?.rev ?? '1-0' }));
  const bulk = await getJson(server, '/db/_bulk_get?revs=true', cookie, post({ docs: asked }));
  const results = (
    bulk.body as {
      results: { id: string; docs: ({ ok?: { _id: string } } | { error: { error: string } })[] }[];
    }
  ).results;
  expect(results.map((r) => r.id)).toEqual(allIds);
  for (const r of results) {
    const first = r.docs[0]!;
    if (visible.has(r.id)) expect('ok' in first, `${label} _bulk_get ${r.id}`).toBe(true);
    else
      expect(first, `${label} _bulk_get ${r.id}`).toEqual({
        error: expect.objectContaining({ error: 'not_found', id: r.id }),
      });
  }
  const diff = await getJson(
    server,
    '/db/_revs_diff',
    cookie,
    post(Object.fromEntries(asked.map((a) => [a.id, [a.rev]]))),
  );
  const missing = Object.keys(diff.body as object).sort();
  expect(missing, `${label} _revs_diff`).toEqual(
    allIds.filter((id) => !visible.has(id) || !revs.has(id)).sort(),
  );
}

/** Writes the table forbids this user, each as a normal edit and as a replicated revision. */
function forbiddenWrites(
  user: MatrixUser,
  world: MatrixWorld,
  visible: Set<string>,
  now: string,
): StaffDoc[] {
  const writes: StaffDoc[] = [];
  for (const doc of world.docs) {
    if (world.deleted.has(doc._id)) continue;
    const hidden = !visible.has(doc._id);
    if (doc.type === 'request' && hidden) {
      writes.push(
        setRegister(doc, 'urgency', doc.urgency === 'high' ? 'low' : 'high', user.id, now),
      );
      if (user.role === 'volunteer') writes.push(claim(doc, user.id, now));
    }
    // Consent is a coordinator's to record, in their areas; never a volunteer's.
    if (doc.type === 'request' && (hidden || user.role === 'volunteer')) {
      writes.push(recordConsent(doc, !doc.consent.given, 'phone', user.id, now));
    }
    if (doc.type === 'contact' && (hidden || user.role === 'volunteer'))
      writes.push({ ...doc, updated_at: now });
    if (doc.type === 'volunteer' && hidden)
      writes.push({ ...doc, phone: '07700900999', updated_at: now });
    if (doc.type === 'area' && user.role !== 'admin') writes.push({ ...doc, name_en: 'Elsewhere' });
    // Notes name their author, and only as oneself.
    if (doc.type === 'request') {
      const other = world.users.find((u) => u.id !== user.id);
      if (other) {
        writes.push({
          _id: noteDocId(doc._id, testUuid()),
          type: 'note',
          request_id: doc._id,
          author: other.id,
          text: 'Nid fi / not me',
          for_assignee: true,
          created_at: now,
        });
      }
    }
  }
  return writes;
}

async function checkWrites(
  server: TestServer,
  cookie: string,
  user: MatrixUser,
  world: MatrixWorld,
  revs: Map<string, Stored>,
  visible: Set<string>,
  label: string,
) {
  const now = serverNow;
  const writes = forbiddenWrites(user, world, visible, now);
  if (user.role === 'volunteer') {
    for (const id of visible) {
      const rev = revs.get(id);
      if (rev && !world.deleted.has(id))
        writes.push({ _id: id, _rev: rev.rev, _deleted: true } as unknown as StaffDoc);
    }
  }
  const seqBefore = (await server.storage.replicatedDb.info()).update_seq;
  const edits = writes.map((w) => ({
    ...w,
    ...(revs.has(w._id) ? { _rev: revs.get(w._id)!.rev } : {}),
  }));
  const answer = await getJson(server, '/db/_bulk_docs', cookie, post({ docs: edits }));
  expect(answer.status).toBe(201);
  for (const [i, result] of (
    answer.body as { id: string; error?: string; reason?: string }[]
  ).entries()) {
    expect(result, `${label} write ${edits[i]?._id}`).toMatchObject({
      id: edits[i]?._id,
      error: 'forbidden',
      reason: expect.any(String),
    });
    tally.refusedWrites++;
  }
  // The same as replicated revisions (new_edits: false), as a device's push sends them.
  const replicated = writes.map((w) => {
    const parent = revs.get(w._id);
    const hash = testUuid().replace(/-/g, '');
    const start = parent ? Number(parent.rev.split('-')[0]) + 1 : 1;
    const ids = parent ? [hash, parent.rev.split('-')[1]!] : [hash];
    return { ...w, _rev: `${start}-${hash}`, _revisions: { start, ids } };
  });
  const pushed = await getJson(
    server,
    '/db/_bulk_docs',
    cookie,
    post({ docs: replicated, new_edits: false }),
  );
  for (const [i, result] of (pushed.body as { id: string; error?: string }[]).entries()) {
    expect(result, `${label} replicated ${replicated[i]?._id}`).toMatchObject({
      error: 'forbidden',
    });
  }
  // A refused write stores nothing but, for a volunteer's own status report on a task they held,
  // one event kept for the coordinator (late-progress.ts), which its writer cannot read.
  const stored = await server.storage.replicatedDb.changes({
    since: seqBefore,
    include_docs: true,
  });
  for (const change of stored.results) {
    expect(change.doc, `${label}: a refused write stored ${change.id}`).toMatchObject({
      type: 'event',
      field: 'late_status',
      author: user.id,
    });
    const read = await dbFetch(server, `/db/${encodeURIComponent(change.id)}`, { cookie });
    expect(read.status, `${label}: the writer reads the kept event ${change.id}`).toBe(404);
    // From now on the world holds it, so whoever is checked next is judged with it.
    world.docs.push(change.doc as unknown as StaffDoc);
    revs.set(change.id, { id: change.id, rev: change.changes[0]!.rev });
  }
  const known = await server.storage.replicatedDb.revsDiff(
    Object.fromEntries(replicated.map((r) => [r._id, [r._rev]])),
  );
  expect(Object.keys(known).length, label).toBe(new Set(replicated.map((r) => r._id)).size);
}

/** `_local` checkpoints: one user's are never another's. */
async function checkLocals(server: TestServer, cookies: Map<string, string>, label: string) {
  const users = [...cookies.entries()];
  for (const [i, [, cookie]] of users.entries()) {
    const put = await getJson(server, '/db/_local/matrix-checkpoint', cookie, {
      ...post({ last_seq: `owner-${i}` }),
      method: 'PUT',
    });
    expect(put.status, label).toBe(201);
  }
  for (const [i, [id, cookie]] of users.entries()) {
    const got = await getJson(server, '/db/_local/matrix-checkpoint', cookie);
    expect(got.body, label).toMatchObject({ last_seq: `owner-${i}` });
    const other = users[(i + 1) % users.length]![0];
    const direct = await dbFetch(server, `/db/_local/${other}:matrix-checkpoint`, { cookie });
    expect(direct.status, `${label} ${id} reads another's _local directly`).not.toBe(200);
  }
}

/** Tallies the contacts of this volunteer's active tasks that consent decides. */
function countConsent(user: MatrixUser, world: MatrixWorld, visible: Set<string>) {
  if (user.role !== 'volunteer') return;
  for (const doc of world.docs) {
    if (doc.type !== 'request' || doc.assignee !== user.id) continue;
    if (doc.status !== 'assigned' && doc.status !== 'in_progress') continue;
    const contactId = doc._id.replace(/^request:/, 'contact:');
    if (!doc.consent.given) tally.withheld++;
    else if (visible.has(contactId) && doc.consent.how !== 'form') tally.recorded++;
  }
}

describe('the access matrix on random assignment graphs', () => {
  for (let graph = 0; graph < graphs; graph++) {
    const seedValue = baseSeed + graph;
    it(`graph ${graph} (seed ${seedValue}): no endpoint leaks, no forbidden write is stored`, async () => {
      const world = matrixWorld(seededRandom(seedValue), graph);
      const clock = testClock(serverNow);
      const server = await startAccountServer({ now: clock.now });
      try {
        const revs = await seedGraph(server, world);
        const cookies = new Map<string, string>();
        for (const user of world.users) {
          await seedUser(
            server.storage,
            { username: user.username, role: user.role, areas: user.areas },
            clock.now,
          );
          cookies.set(user.id, await signedIn(server.url, user.username));
        }
        for (const user of world.users.filter((u) => u.disabled)) {
          const ctx = { store: server.storage.serverOnly, now: clock.now, scrypt: testScrypt };
          await setDisabled(ctx, user.username, true);
        }
        for (const user of world.users) {
          tally.users++;
          const label = `seed ${seedValue} ${user.role} ${user.username}${user.disabled ? ' (disabled)' : ''}`;
          const cookie = cookies.get(user.id)!;
          if (user.disabled) {
            for (const path of [
              '/db',
              '/db/_changes',
              '/db/_all_docs',
              `/db/${encodeURIComponent(world.docs[0]!._id)}`,
            ]) {
              const res = await dbFetch(server, path, { cookie });
              // 403 account_disabled for a live session of a disabled account; never any data.
              expect([401, 403], `${label} ${path}`).toContain(res.status);
              expect(Object.keys((await res.json()) as object).sort()).toEqual(['error', 'reason']);
            }
            cookies.delete(user.id);
            continue;
          }
          const visible = new Set(
            world.docs
              .filter((d) => oracleCanRead(user, d, world.docs, serverNow))
              .map((d) => d._id),
          );
          countConsent(user, world, visible);
          await checkReads(server, cookie, world, revs, visible, label);
          await checkWrites(server, cookie, user, world, revs, visible, label);
        }
        if (cookies.size > 1) await checkLocals(server, cookies, `seed ${seedValue}`);
      } finally {
        await server.close();
      }
    });
  }
});
