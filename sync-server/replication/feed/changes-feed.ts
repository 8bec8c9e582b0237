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
import type { ReplicatedDb } from '../../storage/storage.ts';
import { badRequest } from '../couch/couch-errors.ts';
import { intParam } from '../couch/query-params.ts';
import type { ReadFilter } from '../reads/read-filter.ts';
import type { Body, DbSeq, FeedStart, IndexEntry } from '../routing/index-entry.ts';
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

type ScanOptions = {
  allLeaves: boolean;
  key: string;
  /** The device's pass start, as its token carries it. */
  passStart: DbSeq;
  /** Its position in the index; 0 when unknown, which only costs re-listing children. */
  passStartPos: number;
};

/**
 * One walk of the routing index from `since`: visible entries and the database sequence it
 * reached. Synchronous, so it judges one state of the index.
 */
function scan(
  filter: ReadFilter,
  since: DbSeq,
  start: FeedStart,
  limit: number,
  options: ScanOptions,
) {
  const index = filter.index;
  const entries: Entry[] = [];
  const listed = new Set<string>();
  const firstPass = 'pos' in start && start.pos === 0;
  const toEntry = (entry: IndexEntry, seq: string): Entry => ({
    seq,
    id: entry.id,
    changes: options.allLeaves ? entry.leaves.map((rev) => ({ rev })) : [{ rev: entry.rev }],
    ...(entry.deleted ? { deleted: true as const } : {}),
  });
  let cursor: DbSeq = index.lastSeq;
  for (const entry of index.from(start)) {
    // Cut at `limit`: the answer's last_seq is then just before the first change not looked at.
    if (entries.length >= limit) {
      cursor = index.seqBefore(entry) ?? since;
      break;
    }
    if (listed.has(entry.id) || !filter.canSee(entry)) continue;
    const seq = seqToken(entry.seq, options.key, options.passStart);
    listed.add(entry.id);
    entries.push(toEntry(entry, seq));
    // A request unchanged since the device's pass began: its children were judged against it.
    if (firstPass || entry.pos <= options.passStartPos) continue;
    if (entry.deleted || entry.routing?.type !== 'request') continue;
    for (const child of index.childrenOf(entry.id)) {
      if (listed.has(child.id) || !filter.canSee(child)) continue;
      listed.add(child.id);
      entries.push(toEntry(child, seq));
    }
  }
  return { entries, cursor };
}

/**
 * The bodies of `entries` (`include_docs`), read after the walk: an entry whose document the user
 * may no longer read by the time it is read is left out, as its newer change is later in the feed.
 */
async function withDocs(db: ReplicatedDb, filter: ReadFilter, entries: Entry[]): Promise<Entry[]> {
  if (entries.length === 0) return entries;
  const read = await db.allDocs<Body>({ keys: entries.map((e) => e.id), include_docs: true });
  const visible = await filter.visibleOfIds(entries.map((e) => e.id));
  const bodies = new Map<string, Body>();
  for (const row of read.rows) {
    if ('error' in row) continue;
    bodies.set(
      row.id,
      row.value.deleted ? { _id: row.id, _rev: row.value.rev, _deleted: true } : (row.doc as Body),
    );
  }
  return entries.flatMap((e) => {
    const doc = bodies.get(e.id);
    return doc !== undefined && visible.has(e.id) ? [{ ...e, doc }] : [];
  });
}

export async function changesFeed(c: Context, db: ReplicatedDb, filter: ReadFilter) {
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
  const includeDocs = c.req.query('include_docs') === 'true';
  const allLeaves = c.req.query('style') === 'all_docs';
  // Without a heartbeat to send (the answer is one compressed JSON body), wake before it was due.
  const deadline = Date.now() + Math.min(timeout, heartbeat);
  await filter.current();
  const index = filter.index;
  const position = parsePosition(c.req.query('since'), key, index.lastSeq);
  const passStartPos = index.knownPos(position.passStart) ?? 0;
  const options = { allLeaves, key, passStart: position.passStart, passStartPos };
  let since = position.seq;
  for (;;) {
    const start = await index.start(since);
    const scannedTo = index.pos;
    const scanned = scan(filter, since, start, limit, options);
    const entries = includeDocs ? await withDocs(db, filter, scanned.entries) : scanned.entries;
    const remaining = deadline - Date.now();
    if (entries.length > 0 || feed === 'normal' || remaining <= 0 || c.req.raw.signal.aborted) {
      return c.json({
        results: entries,
        last_seq: seqToken(scanned.cursor, key, position.passStart),
      });
    }
    since = scanned.cursor;
    await index.waitForChange(scannedTo, remaining, c.req.raw.signal);
    await filter.current();
  }
}
