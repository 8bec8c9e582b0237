/**
 * The reads a replicator makes besides the changes feed, each answering only for documents the
 * user may read and treating every other id exactly like one that does not exist.
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html
 */
import type { Context } from 'hono';
import type { ReplicatedDb } from '../../storage/storage.ts';
import { badRequest, missing } from '../couch/couch-errors.ts';
import { intParam, isStringArray, jsonParam } from '../couch/query-params.ts';
import type { Body } from '../routing/index-entry.ts';
import type { ReadFilter } from './read-filter.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `GET /db/:id` with `rev`, `revs`, `open_revs`, `conflicts`. Only leaf revisions are served:
 * asked for an older revision, the answer is the leaf it grew into (CouchDB's `latest=true`,
 * which PouchDB's replicator asks for anyway), so the body of a contact before it was corrected
 * or deleted is never read back.
 * https://docs.couchdb.org/en/stable/api/document/common.html#get--db-docid
 */
export async function getDoc(c: Context, db: ReplicatedDb, filter: ReadFilter, id: string) {
  const q = (name: string) => c.req.query(name);
  const openRevs = q('open_revs') === 'all' ? 'all' : jsonParam(q('open_revs'));
  if (openRevs !== undefined && openRevs !== 'all' && !isStringArray(openRevs)) {
    return badRequest(c, 'open_revs is "all" or a JSON list of revisions.');
  }
  const rev = q('rev');
  const options = {
    revs: q('revs') === 'true',
    conflicts: q('conflicts') === 'true',
    latest: true,
    ...(rev === undefined ? {} : { rev }),
  };
  try {
    // Read first, judged after on an index at least as new as what was read.
    const doc: unknown =
      openRevs === undefined
        ? await db.get(id, options)
        : await db.get(id, { ...options, open_revs: openRevs });
    return (await filter.visibleOfIds([id])).has(id) ? c.json(doc) : missing(c);
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
 * The revisions are read first and judged after, on an index at least as new as what was read.
 */
export async function bulkGet(c: Context, db: ReplicatedDb, filter: ReadFilter, body: unknown) {
  const asked = isObject(body) ? body.docs : undefined;
  if (!Array.isArray(asked) || !asked.every((d) => isObject(d) && typeof d.id === 'string')) {
    return badRequest(c, 'Send { "docs": [{ "id", "rev"? }] }.');
  }
  const docs = asked.map((d) => ({
    id: d.id as string,
    ...(typeof d.rev === 'string' ? { rev: d.rev } : {}),
  }));
  if (docs.length === 0) return c.json({ results: [] });
  // Leaves only, as in `getDoc`.
  const options = { docs, revs: c.req.query('revs') === 'true', latest: true };
  const found = (await db.bulkGet(options as PouchDB.Core.BulkGetOptions)) as unknown as {
    results: BulkGetResult[];
  };
  const visible = await filter.visibleOfIds(docs.map((d) => d.id));
  // One result per asked revision, in order; an id may be asked for several revisions.
  const results = docs.map((d, i) => {
    if (visible.has(d.id)) return found.results[i];
    const error = { id: d.id, rev: d.rev ?? 'undefined', error: 'not_found', reason: 'missing' };
    return { id: d.id, docs: [{ error }] };
  });
  return c.json({ results });
}

/** `POST /db/_revs_diff`: an id the user may not read is answered as if the server lacked it. */
export async function revsDiff(c: Context, db: ReplicatedDb, filter: ReadFilter, body: unknown) {
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

const maxLimit = Number.MAX_SAFE_INTEGER;
/** Bodies are read this many at a time for `include_docs`. */
const readBatch = 500;

type Row = { id: string; key: string; value: { rev: string; deleted?: true }; doc?: unknown };

/**
 * `GET|POST /db/_all_docs` with `keys`, `include_docs`, `startkey`/`endkey`, `limit`, `skip`. As in CouchDB,
 * no limit means every row: a device reconciling after a change of view needs all its ids.
 */
export async function allDocs(c: Context, db: ReplicatedDb, filter: ReadFilter, body: unknown) {
  const keys = isObject(body) && 'keys' in body ? body.keys : jsonParam(c.req.query('keys'));
  if (keys !== undefined && !isStringArray(keys)) return badRequest(c, 'keys is a list of ids.');
  const limit = intParam(c.req.query('limit'), maxLimit, 0, maxLimit);
  const skip = intParam(c.req.query('skip'), 0, 0, maxLimit);
  const startkey = jsonParam(c.req.query('startkey') ?? c.req.query('start_key'));
  const endkey = jsonParam(c.req.query('endkey') ?? c.req.query('end_key'));
  if (
    limit === null ||
    skip === null ||
    ![startkey, endkey].every((k) => k === undefined || typeof k === 'string')
  ) {
    return badRequest(c, 'limit and skip are whole numbers; startkey and endkey are JSON strings.');
  }
  const includeDocs = c.req.query('include_docs') === 'true';
  if (keys !== undefined) {
    const result = await db.allDocs<Body>({ keys, include_docs: includeDocs });
    const visible = await filter.visibleOfIds(keys);
    const rows = result.rows.map((r) =>
      visible.has(r.key) ? r : { key: r.key, error: 'not_found' },
    );
    return c.json({ total_rows: rows.length, offset: 0, rows });
  }
  // A range: the live documents the user may read, from the index, in id order.
  await filter.current();
  const inRange = (id: string) =>
    (startkey === undefined || id >= (startkey as string)) &&
    (endkey === undefined || id <= (endkey as string));
  const chosen: string[] = [];
  for (const entry of filter.index.entries()) {
    if (!entry.deleted && inRange(entry.id) && filter.canSee(entry)) chosen.push(entry.id);
  }
  chosen.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ids = chosen.slice(skip, skip + limit);
  const rows: Row[] = [];
  for (let i = 0; i < ids.length; i += readBatch) {
    const batch = ids.slice(i, i + readBatch);
    if (!includeDocs) {
      for (const id of batch) {
        const rev = filter.index.get(id)?.rev ?? '';
        rows.push({ id, key: id, value: { rev } });
      }
      continue;
    }
    const read = await db.allDocs<Body>({ keys: batch, include_docs: true });
    const visible = await filter.visibleOfIds(batch);
    for (const row of read.rows) {
      if (!('error' in row) && !row.value.deleted && visible.has(row.id)) rows.push(row as Row);
    }
  }
  return c.json({ total_rows: rows.length, offset: 0, rows });
}
