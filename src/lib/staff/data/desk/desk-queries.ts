/**
 * The coordinator's queue read from the model through its indexes, never a whole table
 * (docs/architecture.md, "The coordinator's desk"):
 * - with no narrowing filter, the first rows of `[queue+rank]` are the page, already in order;
 * - with filters, each is an index beside the status (`[status+kind]`, …, `*search`). The narrowest
 *   (counted natively by IndexedDB) gives the candidates when it is small, which are then checked
 *   against the rest and ordered by their stored rank; when every filter is broad, matches are
 *   dense, so walking `[queue+rank]` with the filters fills a page after a few rows.
 * Pages grow by `limit` rather than by cursor: a live query re-reads the first rows whenever the
 * model changes, and a coordinator who pressed "show more" keeps what they were looking at.
 */
import Dexie from 'dexie';
import type { StaffUser } from '#domain/people/users.ts';
import { canReadRequest } from '#domain/access/read-access.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { isClosed } from '#domain/requests/status.ts';
import type { Triage } from '#domain/triage/urgency-score.ts';
import { requestStatuses, type RequestStatus } from '#domain/requests/status.ts';
import { matchesStatus, type DeskFilters, type StatusChoice } from './desk-filters.ts';
import type { Queue } from '../model/desk-order.ts';
import { requestOfRow, type RequestRow } from '../model/projections.ts';
import type { ReadModelDb } from '../model/read-model.ts';
import { searchLookups, type Lookup } from '#domain/search/search-query.ts';
import { taggedKey } from '#domain/search/search-keys.ts';

export type QueueItem = { request: RequestDoc; triage: Triage };
export type QueuePage = { items: QueueItem[]; total: number; more: boolean };

/** Candidates up to this many are checked and ordered in memory; beyond it, the index is walked. */
const fewEnough = 2000;

/** The queues a status choice can find rows in. */
export function queuesFor(filters: Pick<DeskFilters, 'status' | 'unassigned'>): Queue[] {
  const open: Queue[] = filters.unassigned ? [0] : [0, 1];
  if (filters.status === 'all') return filters.unassigned ? [0] : [0, 1, 2];
  if (filters.status === 'active') return open;
  return isClosed(filters.status) ? (filters.unassigned ? [] : [2]) : open;
}

type Source = { count: () => Promise<number>; keys: () => Promise<string[]> };

/** The statuses a status choice shows. */
export function statusesFor(choice: StatusChoice): RequestStatus[] {
  return requestStatuses.filter((s) => matchesStatus(s, choice));
}

/** One `[status+…]` index, one value, over the chosen statuses: counted and listed natively. */
export function indexSource(
  model: ReadModelDb,
  index: string,
  value: string | number,
  statuses: readonly RequestStatus[],
): Source {
  const parts = () => statuses.map((s) => model.requests.where(index).equals([s, value]));
  return {
    count: async () => (await Promise.all(parts().map((c) => c.count()))).reduce((a, b) => a + b, 0),
    keys: async () => (await Promise.all(parts().map((c) => c.primaryKeys()))).flat(),
  };
}

/** The ids whose `*search` keys equal `key` or, for a prefix lookup, start with it. */
async function lookupHits(model: ReadModelDb, lookup: Lookup): Promise<string[]> {
  const key = taggedKey(lookup.kind, lookup.key);
  const where = model.requests.where('search');
  return (lookup.match === 'exact' ? where.equals(key) : where.startsWith(key)).primaryKeys();
}

/**
 * The ids any reading of the query finds (search-query.ts gives every reading: nine digits may be
 * a reference or a phone), each an exact or prefix lookup in the `*search` index. A name of several
 * words also finds the names with each word starting one of theirs, in any order ("jones sian").
 */
async function searchHits(model: ReadModelDb, q: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const lookup of searchLookups(q)) {
    for (const id of await lookupHits(model, lookup)) found.add(id);
    const words = lookup.kind === 'name' ? lookup.key.split(' ') : [];
    if (words.length < 2) continue;
    let all: Set<string> | null = null;
    for (const key of words) {
      const ids: string[] = await lookupHits(model, { kind: 'name', key, match: 'prefix' });
      all = new Set(all === null ? ids : ids.filter((id) => all!.has(id)));
    }
    for (const id of all ?? []) found.add(id);
  }
  return found;
}

/** Every request with one status, through the front of `[status+kind]`. */
export function statusSource(model: ReadModelDb, status: RequestStatus): Source {
  const all = () =>
    model.requests.where('[status+kind]').between([status, Dexie.minKey], [status, Dexie.maxKey]);
  return { count: () => all().count(), keys: () => all().primaryKeys() };
}

function sources(model: ReadModelDb, f: DeskFilters): Source[] {
  const statuses = statusesFor(f.status);
  const list: Source[] = [];
  if (f.status !== 'active' && f.status !== 'all') list.push(statusSource(model, f.status));
  const add = (index: string, value: string | number | null) => {
    if (value !== null) list.push(indexSource(model, index, value, statuses));
  };
  add('[status+kind]', f.kind);
  add('[status+area]', f.area);
  add('[status+urgency]', f.urgency);
  add('[status+language]', f.language);
  add('[status+assignee]', f.volunteer);
  if (f.unassigned) add('[status+assignee]', '');
  if (f.overdue) add('[status+overdue]', 1);
  return list;
}

/** Every filter on a stored row; `found` is what the search found, null with no search. */
function rowMatches(
  row: RequestRow,
  f: DeskFilters,
  queues: Queue[],
  found: Set<string> | null,
): boolean {
  return (
    (found === null || found.has(row.id)) &&
    queues.includes(row.queue) &&
    matchesStatus(row.status, f.status) &&
    (f.kind === null || row.kind === f.kind) &&
    (f.area === null || row.area === f.area) &&
    (f.urgency === null || row.urgency === f.urgency) &&
    (f.language === null || row.language === f.language) &&
    (f.volunteer === null || row.assignee === f.volunteer) &&
    (!f.overdue || row.overdue === 1)
  );
}

const itemOf = (row: RequestRow): QueueItem => ({
  request: requestOfRow(row),
  triage: { score: row.score, reasons: row.reasons, overdue: row.overdue === 1 },
});

const inOrder = (a: RequestRow, b: RequestRow) =>
  a.queue - b.queue || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);

/** The walk along `[queue+rank]` through the given queues, first queue first. */
function walk(model: ReadModelDb, queues: Queue[]) {
  const first = Math.min(...queues);
  const last = Math.max(...queues);
  return model.requests
    .where('[queue+rank]')
    .between([first, Dexie.minKey], [last, Dexie.maxKey], true, true);
}

/**
 * The first `limit` requests of the queue `user` sees under `filters`, in the desk's order, and
 * how many there are in all.
 */
export async function queuePage(
  model: ReadModelDb,
  user: StaffUser,
  filters: DeskFilters,
  limit: number,
  now: string,
): Promise<QueuePage> {
  const queues = queuesFor(filters);
  if (queues.length === 0) return { items: [], total: 0, more: false };
  const found = filters.q.trim() === '' ? null : await searchHits(model, filters.q);
  const readable = (row: RequestRow) => canReadRequest(user, requestOfRow(row), now);
  const matches = (row: RequestRow) => rowMatches(row, filters, queues, found) && readable(row);
  const list = sources(model, filters);
  if (found !== null) list.push({ count: async () => found.size, keys: async () => [...found] });
  const counted = await Promise.all(list.map(async (s) => ({ s, n: await s.count() })));
  counted.sort((a, b) => a.n - b.n);
  const narrowest = counted[0];

  if (narrowest !== undefined && narrowest.n <= fewEnough) {
    const rows = await model.requests.bulkGet(await narrowest.s.keys());
    const hits = rows.filter((r): r is RequestRow => r !== undefined && matches(r)).sort(inOrder);
    return { items: hits.slice(0, limit).map(itemOf), total: hits.length, more: hits.length > limit };
  }
  const rows = await walk(model, queues).filter(matches).limit(limit + 1).toArray();
  return { items: rows.slice(0, limit).map(itemOf), total: await total(), more: rows.length > limit };

  // Counted natively when one index says it all; by a walk only when several broad filters meet.
  async function total(): Promise<number> {
    if (narrowest === undefined) {
      const counts = queues.map((q) => walk(model, [q]).count());
      return (await Promise.all(counts)).reduce((a, b) => a + b, 0);
    }
    // A status or field index counts within the chosen statuses; the search's hits do not.
    if (counted.length === 1 && found === null) return narrowest.n;
    return walk(model, queues)
      .filter((row) => rowMatches(row, filters, queues, found))
      .count();
  }
}
