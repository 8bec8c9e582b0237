/**
 * The coordinator's queue read from the model in a few bounded reads, never a whole table or a
 * count of a long range (docs/architecture.md, "The coordinator's desk"):
 * - the total is summed from the tallies (tallies.ts), one small record;
 * - the page is the first entries of one ordered range: `[queue+rank]` with no filter, else the
 *   chosen filter with the fewest rows, `[kind+queue+rank]` and the like (or an area and a kind
 *   together, `[area+kind+queue+rank]`), whose size the tallies also give. Its rows are read in chunks and checked against the other filters until the page
 *   is full; the tallies say how many of the range's rows match, so the first chunk is sized to
 *   fill the page and one read is the rule;
 * - a volunteer's work is read whole from `[assignee+queue+rank]` (it is short) and counted as read;
 * - a search reads its own ranges (desk-search.ts).
 * Pages grow by `limit` rather than by cursor: a live query re-reads the first rows whenever the
 * model changes, and a coordinator who pressed "show more" keeps what they were looking at.
 */
import Dexie, { type IndexableType } from 'dexie';
import type { StaffUser } from '#domain/people/users.ts';
import { canReadRequest } from '#domain/access/read-access.ts';
import { isClosed, requestStatuses, type RequestStatus } from '#domain/requests/status.ts';
import { matchesStatus, type DeskFilters, type StatusChoice } from './desk-filters.ts';
import type { Queue } from '../model/desk-order.ts';
import { requestOfRow, type RequestRow } from '../model/projections.ts';
import type { ReadModelDb } from '../model/read-model.ts';
import { readTallies, sumOf, type Tally } from '../model/tallies.ts';
import { searchPage } from './desk-search.ts';
import { emptyPage, pageOf, rowMatches, type QueuePage } from './queue-page.ts';

/** The most rows one read of a range takes. */
const maxChunk = 1000;

/** The queues a status choice can find rows in. */
export function queuesFor(filters: Pick<DeskFilters, 'status' | 'unassigned'>): Queue[] {
  const open: Queue[] = filters.unassigned ? [0] : [0, 1];
  if (filters.status === 'all') return filters.unassigned ? [0] : [0, 1, 2];
  if (filters.status === 'active') return open;
  return isClosed(filters.status) ? (filters.unassigned ? [] : [2]) : open;
}

/** The statuses a status choice shows. */
export function statusesFor(choice: StatusChoice): RequestStatus[] {
  return requestStatuses.filter((s) => matchesStatus(s, choice));
}



/** An ordered range of requests: an index and the values ahead of its queue (none: `[queue+rank]`). */
export type Route = { index: string; values: (string | number)[] };

const wholeQueue: Route = { index: '[queue+rank]', values: [] };

/**
 * The rows of `route` within `queues`, in the desk's order, that `keep` accepts, until `want` are
 * found or the range ends; the first read takes `chunk` rows and each next one twice as many.
 */
export async function walkRoute(
  model: ReadModelDb,
  route: Route,
  queues: Queue[],
  keep: (row: RequestRow) => boolean,
  want: number,
  chunk: number,
): Promise<RequestRow[]> {
  const key = (queue: Queue, rank: IndexableType) =>
    [...route.values, queue, rank] as IndexableType;
  const upper = key(Math.max(...queues) as Queue, Dexie.maxKey);
  let lower = key(Math.min(...queues) as Queue, Dexie.minKey);
  let after = false;
  const found: RequestRow[] = [];
  for (let size = chunk; ; size = Math.min(size * 2, maxChunk)) {
    const rows = await model.requests
      .where(route.index)
      .between(lower, upper, !after, true)
      .limit(size)
      .toArray();
    for (const row of rows) {
      if (keep(row)) found.push(row);
      if (found.length >= want) return found;
    }
    const end = rows.at(-1);
    if (rows.length < size || end === undefined) return found;
    lower = key(end.queue, end.rank);
    after = true;
  }
}

/** Each chosen filter's ordered range with how many rows it holds in `queues` (from the tallies). */
function routes(f: DeskFilters, queues: Queue[], tallies: Tally[]) {
  const size = (keep: (t: Tally) => boolean) =>
    sumOf(tallies, (t) => queues.includes(t.queue) && keep(t));
  const list = [{ route: wholeQueue, size: size(() => true) }];
  const add = (field: keyof Tally, value: string | number | null) => {
    if (value === null) return;
    const route = { index: `[${field}+queue+rank]`, values: [value] };
    list.push({ route, size: size((t) => t[field] === value) });
  };
  if (f.status !== 'active' && f.status !== 'all') add('status', f.status);
  add('kind', f.kind);
  add('area', f.area);
  add('urgency', f.urgency);
  add('language', f.language);
  if (f.overdue) add('overdue', 1);
  // An area and a kind together, as a coordinator covering several areas often asks.
  const { area, kind } = f;
  if (area !== null && kind !== null) {
    const route = { index: '[area+kind+queue+rank]', values: [area, kind] };
    list.push({ route, size: size((t) => t.area === area && t.kind === kind) });
  }
  return list;
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
  if (queues.length === 0) return emptyPage;
  const readable = (row: RequestRow) => canReadRequest(user, requestOfRow(row), now);
  if (filters.q.trim() !== '') return searchPage(model, filters, queues, readable, limit);
  const keep = (row: RequestRow) => rowMatches(row, filters, queues) && readable(row);

  if (filters.volunteer !== null) {
    // A volunteer's work is short: read it all, and count what matches as it is read.
    const route = { index: '[assignee+queue+rank]', values: [filters.volunteer] };
    const rows = await walkRoute(model, route, queues, keep, Infinity, maxChunk);
    return pageOf(rows, rows.length, limit);
  }
  const tallies = await readTallies(model);
  const total = sumOf(tallies, (t) => rowMatches(t, filters, queues));
  if (total === 0) return emptyPage;
  const [narrowest] = routes(filters, queues, tallies).sort((a, b) => a.size - b.size);
  const want = limit + 1;
  const chunk = Math.min(maxChunk, Math.ceil((want * narrowest!.size) / total) + 8);
  const rows = await walkRoute(model, narrowest!.route, queues, keep, want, chunk);
  return pageOf(rows, total, limit);
}

