/**
 * The reads a replicator makes besides the changes feed, each answering only for documents the
 * user may read and treating every other id exactly like one that does not exist.
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html
 */
import type { Context } from 'hono';
import type { ReplicaDb } from '../storage.ts';
import { badRequest, missing } from './couch-errors.ts';
import { intParam, isStringArray, jsonParam } from './query-params.ts';
import type { Body, ReadFilter } from './read-filter.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `GET /db/:id` with `rev`, `revs`, `open_revs`, `latest`, `conflicts`. */
export async function getDoc(c: Context, db: ReplicaDb, filter: ReadFilter, id: string) {
  if (!(await filter.visibleOfIds([id])).has(id)) return missing(c);
  const q = (name: string) => c.req.query(name);
  const openRevs = q('open_revs') === 'all' ? 'all' : jsonParam(q('open_revs'));
  if (openRevs !== undefined && openRevs !== 'all' && !isStringArray(openRevs)) {
    return badRequest(c, 'open_revs is "all" or a JSON list of revisions.');
  }
  const rev = q('rev');
  const options = {
    revs: q('revs') === 'true',
    conflicts: q('conflicts') === 'true',
    latest: q('latest') === 'true',
    ...(rev === undefined ? {} : { rev }),
  };
  try {
    if (openRevs !== undefined) {
      return c.json(await db.get(id, { ...options, open_revs: openRevs }));
    }
    return c.json(await db.get(id, options));
  } catch {
    return missing(c);
  }
}

type BulkGetResult = {
  id: string;
  docs: ({ ok: Body & { _rev: string } } | { error: unknown })[];
};

/**
 * `POST /db/_bulk_get`: every revision asked for, or `not_found` where the user may not read.
 * The asked revisions are read first; where one is the current winner (as it nearly always is)
 * its body is what the filter judges, so no document is read twice.
 */
export async function bulkGet(c: Context, db: ReplicaDb, filter: ReadFilter, body: unknown) {
  const asked = isObject(body) ? body.docs : undefined;
  if (!Array.isArray(asked) || !asked.every((d) => isObject(d) && typeof d.id === 'string')) {
    return badRequest(c, 'Send { "docs": [{ "id", "rev"? }] }.');
  }
  const docs = asked.map((d) => ({
    id: d.id as string,
    ...(typeof d.rev === 'string' ? { rev: d.rev } : {}),
  }));
  if (docs.length === 0) return c.json({ results: [] });
  const [found, winners] = await Promise.all([
    db.bulkGet({ docs, revs: c.req.query('revs') === 'true' }) as Promise<{
      results: BulkGetResult[];
    }>,
    db.allDocs({ keys: [...new Set(docs.map((d) => d.id))] }),
  ]);
  const inHand = new Map<string, Body>();
  for (const result of found.results) {
    for (const got of result.docs)
      if ('ok' in got) inHand.set(`${result.id} ${got.ok._rev}`, got.ok);
  }
  const judged: Body[] = [];
  const unread: string[] = [];
  for (const row of winners.rows) {
    if ('error' in row) continue;
    const winner = row.value.deleted ? undefined : inHand.get(`${row.id} ${row.value.rev}`);
    if (row.value.deleted) judged.push({ _id: row.id, _rev: row.value.rev, _deleted: true });
    else if (winner) judged.push(winner);
    else unread.push(row.id);
  }
  filter.prime(judged);
  const visible = await filter.visibleIds(judged);
  for (const id of await filter.visibleOfIds(unread)) visible.add(id);
  // One result per asked revision, in order; an id may be asked for several revisions.
  const results = docs.map((d, i) => {
    if (visible.has(d.id)) return found.results[i];
    const error = { id: d.id, rev: d.rev ?? 'undefined', error: 'not_found', reason: 'missing' };
    return { id: d.id, docs: [{ error }] };
  });
  return c.json({ results });
}

/** `POST /db/_revs_diff`: an id the user may not read is answered as if the server lacked it. */
export async function revsDiff(c: Context, db: ReplicaDb, filter: ReadFilter, body: unknown) {
  if (!isObject(body) || !Object.values(body).every(isStringArray)) {
    return badRequest(c, 'Send { "<id>": ["<rev>", …] }.');
  }
  const asked = body as Record<string, string[]>;
  const ids = Object.keys(asked);
  const visible = await filter.visibleOfIds(ids);
  const diff = (await db.revsDiff(asked)) as Record<string, { missing: string[] }>;
  const answer: Record<string, { missing: string[] }> = {};
  for (const id of ids) {
    const missingRevs = visible.has(id) ? diff[id]?.missing : asked[id];
    if (missingRevs !== undefined && missingRevs.length > 0) answer[id] = { missing: missingRevs };
  }
  return c.json(answer);
}

const defaultLimit = 1000;
const maxLimit = 10_000;

/** `GET|POST /db/_all_docs` with `keys`, `include_docs`, `startkey`/`endkey`, `limit`. */
export async function allDocs(c: Context, db: ReplicaDb, filter: ReadFilter, body: unknown) {
  const keys = isObject(body) && 'keys' in body ? body.keys : jsonParam(c.req.query('keys'));
  if (keys !== undefined && !isStringArray(keys)) return badRequest(c, 'keys is a list of ids.');
  const limit = intParam(c.req.query('limit'), defaultLimit, 0, maxLimit);
  const startkey = jsonParam(c.req.query('startkey') ?? c.req.query('start_key'));
  const endkey = jsonParam(c.req.query('endkey') ?? c.req.query('end_key'));
  if (
    limit === null ||
    ![startkey, endkey].every((k) => k === undefined || typeof k === 'string')
  ) {
    return badRequest(c, 'limit is a whole number; startkey and endkey are JSON strings.');
  }
  const includeDocs = c.req.query('include_docs') === 'true';
  if (keys !== undefined) {
    const visible = await filter.visibleOfIds(keys);
    const result = await db.allDocs<Body>({
      keys: keys.filter((k) => visible.has(k)),
      include_docs: includeDocs,
    });
    const byKey = new Map(result.rows.map((r) => [r.key, r]));
    const rows = keys.map((k) => byKey.get(k) ?? { key: k, error: 'not_found' });
    return c.json({ total_rows: rows.length, offset: 0, rows });
  }
  // A range: read a page, keep what is visible, go on until `limit` rows or the range ends.
  const rows: unknown[] = [];
  let from = startkey as string | undefined;
  let skipFirst = false;
  while (rows.length < limit) {
    const page = await db.allDocs<Body>({
      include_docs: true,
      limit: 500 + (skipFirst ? 1 : 0),
      ...(from === undefined ? {} : { startkey: from }),
      ...(endkey === undefined ? {} : { endkey: endkey as string }),
    });
    const fresh = skipFirst ? page.rows.slice(1) : page.rows;
    if (fresh.length === 0) break;
    const visible = await filter.visibleIds(fresh.flatMap((r) => (r.doc ? [r.doc as Body] : [])));
    for (const row of fresh) {
      if (rows.length >= limit) break;
      if (!visible.has(row.id)) continue;
      rows.push(includeDocs ? row : { id: row.id, key: row.key, value: row.value });
    }
    from = fresh[fresh.length - 1]?.id;
    skipFirst = true;
  }
  return c.json({ total_rows: rows.length, offset: 0, rows });
}
