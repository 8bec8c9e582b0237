/**
 * `GET /db/_changes`, filtered for one user: `normal` and `longpoll` (what PouchDB's replicator
 * uses, live replication included). https://docs.couchdb.org/en/stable/api/database/changes.html
 *
 * The feed is the server's feed with what the user may not read left out, plus one addition that
 * makes documents ENTER a view without changing themselves: when a request the user may read
 * changes (say it is assigned to them), its contact, notes and events the user may now read are
 * listed again at the request's seq. The device's `_revs_diff` then fetches only those it lacks.
 * On a first sync that is skipped: every child is in the feed on its own, judged against its
 * request as it was during the device's pass, so only requests changed since the pass began
 * (view-seq.ts) list their children again.
 *
 * A feed page where nothing is visible is not an answer: PouchDB ends a one-shot replication on an
 * empty page, so the scan goes on until something is visible or the feed ends.
 */
import type { Context } from 'hono';
import type { ReplicaDb } from '../storage.ts';
import { childrenOf } from './children.ts';
import { badRequest } from './couch-errors.ts';
import { intParam } from './query-params.ts';
import type { Body, ReadFilter } from './read-filter.ts';
import { parsePosition, seqToken, viewKey } from './view-seq.ts';

type Entry = {
  seq: string;
  id: string;
  changes: { rev: string }[];
  deleted?: true;
  doc?: Body;
};

const defaultLimit = 1000;
const maxLimit = 10_000;
/** Longest a longpoll is held open; PouchDB asks again at once, so this only bounds idle sockets. */
const maxWaitMs = 25_000;
/**
 * How far one answer may scan for a visible change once it has one: a volunteer sees a few in a
 * hundred documents, and every answer costs the device a round of requests, so an answer scans
 * until it is full, the feed ends, or this many changes were read.
 */
const maxScannedPerAnswer = 10_000;

async function currentSeq(db: ReplicaDb): Promise<number> {
  return Number((await db.info()).update_seq);
}

type ScanOptions = {
  allLeaves: boolean;
  includeDocs: boolean;
  key: string;
  passStart: number;
  /** The client went away: stop scanning for an answer nobody will read. */
  signal: AbortSignal;
};

/** One scan from `since`: visible entries and the server seq it reached. */
async function scan(
  db: ReplicaDb,
  filter: ReadFilter,
  since: number,
  limit: number,
  options: ScanOptions,
) {
  // Big pages: each costs an iterator over the feed; an answer is cut at `limit` below.
  const pageSize = Math.max(limit, 2000);
  const entries: Entry[] = [];
  const listed = new Set<string>();
  let cursor = since;
  for (let scanned = 0; ;) {
    // Ids and revisions only: bodies are read for what the user might see (read-filter.ts).
    const page = await db.changes({
      since: cursor,
      limit: pageSize,
      style: options.allLeaves ? 'all_docs' : 'main_only',
    });
    scanned += page.results.length;
    const visible = await filter.visibleChanges(page.results);
    let full = false;
    for (const change of page.results) {
      // Cut at `limit`: the answer's last_seq is then the last change looked at, not the page's.
      if ((full = entries.length >= limit)) break;
      cursor = Number(change.seq);
      const body = visible.get(change.id);
      if (body === undefined || listed.has(change.id)) continue;
      const changeSeq = Number(change.seq);
      const seq = seqToken(changeSeq, options.key, options.passStart);
      listed.add(change.id);
      entries.push({
        seq,
        id: change.id,
        changes: change.changes,
        ...(change.deleted ? { deleted: true as const } : {}),
        ...(options.includeDocs ? { doc: body } : {}),
      });
      // A request unchanged since the device's pass began: its children were judged against it.
      if (since === 0 || changeSeq <= options.passStart) continue;
      if (change.deleted || body.type !== 'request') continue;
      await filter.request(change.id); // its children are judged against it
      for (const child of await childrenOf(db, change.id)) {
        if (listed.has(child.id) || !filter.canReadBody(child.doc)) continue;
        listed.add(child.id);
        entries.push({
          seq,
          id: child.id,
          changes: [{ rev: child.rev }],
          ...(options.includeDocs ? { doc: child.doc } : {}),
        });
      }
    }
    if (!full) cursor = Number(page.last_seq);
    full ||= entries.length >= limit;
    const ended = page.results.length < pageSize;
    if (ended || full || (entries.length > 0 && scanned >= maxScannedPerAnswer)) break;
    if (options.signal.aborted) break;
  }
  return { entries, cursor };
}

/** Resolves at the next change after `since`, after `ms`, or when the client goes away. */
function nextChange(db: ReplicaDb, since: number, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const feed = db.changes({ since, live: true });
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      feed.cancel();
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    void feed.on('change', done).on('error', done);
    // The feed is also a promise, rejected on error: handled above, so not left unhandled here.
    Promise.resolve(feed).catch(() => undefined);
  });
}

export async function changesFeed(c: Context, db: ReplicaDb, filter: ReadFilter) {
  const feed = c.req.query('feed') ?? 'normal';
  if (feed !== 'normal' && feed !== 'longpoll') {
    return badRequest(c, 'Only the normal and longpoll feeds are available.');
  }
  const limit = intParam(c.req.query('limit'), defaultLimit, 1, maxLimit);
  const timeout = intParam(c.req.query('timeout'), maxWaitMs, 0, maxWaitMs);
  const heartbeat = intParam(c.req.query('heartbeat'), maxWaitMs, 0, maxWaitMs);
  if (limit === null || timeout === null || heartbeat === null) {
    return badRequest(c, 'limit, timeout and heartbeat are whole numbers.');
  }
  const key = viewKey(filter.user);
  const options = {
    allLeaves: c.req.query('style') === 'all_docs',
    includeDocs: c.req.query('include_docs') === 'true',
    key,
  };
  // Without a heartbeat to send (the answer is one compressed JSON body), wake before it was due.
  const deadline = Date.now() + Math.min(timeout, heartbeat);
  const position = parsePosition(c.req.query('since'), key, await currentSeq(db));
  let since = position.seq;
  for (;;) {
    const scanOptions = { ...options, passStart: position.passStart, signal: c.req.raw.signal };
    const { entries, cursor } = await scan(db, filter, since, limit, scanOptions);
    const remaining = deadline - Date.now();
    if (entries.length > 0 || feed === 'normal' || remaining <= 0 || c.req.raw.signal.aborted) {
      return c.json({ results: entries, last_seq: seqToken(cursor, key, position.passStart) });
    }
    since = cursor;
    await nextChange(db, since, remaining, c.req.raw.signal);
    // Requests read before the wait may have changed since: judge the next scan on fresh reads.
    filter.forgetRequests();
  }
}
