/**
 * A search on the desk (desk-queries.ts calls it when something is typed). Each reading of what
 * was typed (search-query.ts) is, in each queue shown, one range of `*search`, whose entries lie
 * in the desk's order (desk-order.ts, `searchEntry`). So the ids a search finds come in order
 * from the index alone, keys only, and the page is those ids' rows:
 * - unassigned first, then work in hand, then closed, as on the queue;
 * - within a queue, the most specific reading first (a reference before a phone number), a whole
 *   key before the longer ones it starts (`jones` before `jonesy`), each most pressing first.
 * The total is how many ids were found, each once, up to `searchCap`: beyond it the desk says "more
 * than 200" and asks for more to search by. With another filter chosen as well, the rows
 * found are read and checked, and those that match are counted, up to `checkCap` of them: a
 * search finding more lists the matches among the first it found and asks for more to search by. A name typed in another order than
 * it is held in ("jones sian") finds nobody as typed, and then finds those with each word starting
 * one of their names.
 */
import { searchLookups, type Lookup } from '#domain/search/search-query.ts';
import { taggedKey } from '#domain/search/search-keys.ts';
import type { DeskFilters } from './desk-filters.ts';
import { searchRange, type Queue } from '../model/desk-order.ts';
import type { RequestRow } from '../model/projections.ts';
import type { ReadModelDb } from '../model/read-model.ts';
import { emptyPage, pageOf, rowMatches, type QueuePage } from './queue-page.ts';

type Range = [string, string];

const rangesOf = (lookups: Lookup[], queues: Queue[]): Range[] =>
  queues.flatMap((q) => lookups.map((l) => searchRange(taggedKey(l.kind, l.key), q, l.match)));

const inRange = (model: ReadModelDb, [from, to]: Range) =>
  model.requests.where('search').between(from, to, true, true);

/**
 * How many requests a search counts before it says "more than this": reading an index costs
 * about the same for each entry, and a search finding hundreds is one to narrow, not to read.
 */
export const searchCap = 200;

/**
 * With another filter chosen, how many of the requests a search finds are read and checked: each
 * costs a row's read (about a quarter of a millisecond on a slow phone), so a search as wide as a
 * postcode district is checked in its most pressing 500, not in thousands.
 */
export const checkCap = 500;

/** The ids the ranges hold, in the ranges' order, each once; with `most`, no more than it. */
async function idsIn(model: ReadModelDb, ranges: Range[], most?: number): Promise<string[]> {
  if (most === undefined) {
    const each = await Promise.all(ranges.map((r) => inRange(model, r).primaryKeys()));
    return [...new Set(each.flat())];
  }
  const found = new Set<string>();
  for (const range of ranges) {
    if (found.size >= most) break;
    for (const id of await inRange(model, range).limit(most).primaryKeys()) found.add(id);
  }
  return [...found].slice(0, most);
}

/** The ids whose names have each word of a name lookup starting one of them, in any order. */
async function anyOrder(model: ReadModelDb, lookups: Lookup[], queues: Queue[]) {
  const words = lookups.find((l) => l.kind === 'name')?.key.split(' ') ?? [];
  if (words.length < 2) return [];
  const each = await Promise.all(
    words.map((key) => idsIn(model, rangesOf([{ kind: 'name', key, match: 'prefix' }], queues))),
  );
  const others = each.slice(1).map((ids) => new Set(ids));
  return each[0]!.filter((id) => others.every((ids) => ids.has(id)));
}

/** Whether a filter beyond the queues shown is chosen: only a row can answer it. */
const narrowed = (f: DeskFilters) =>
  f.kind !== null ||
  f.area !== null ||
  f.urgency !== null ||
  f.language !== null ||
  f.volunteer !== null ||
  f.overdue ||
  (f.status !== 'active' && f.status !== 'all');

const held = (rows: (RequestRow | undefined)[]) => rows.filter((r) => r !== undefined);

/**
 * The rows of the first `want` ids. The first range usually holds them all, so its rows are read
 * in one go beside the ids (a range read is cheaper than as many single reads); the rest, if
 * any, one by one.
 */
async function firstRows(model: ReadModelDb, first: Range, ids: Promise<string[]>, want: number) {
  const [found, leading] = await Promise.all([ids, inRange(model, first).limit(want + 8).toArray()]);
  const byId = new Map(leading.map((r) => [r.id, r]));
  const page = found.slice(0, want);
  const missing = page.filter((id) => !byId.has(id));
  for (const row of held(await model.requests.bulkGet(missing))) byId.set(row.id, row);
  return { ids: found, rows: held(page.map((id) => byId.get(id))) };
}

export async function searchPage(
  model: ReadModelDb,
  filters: DeskFilters,
  queues: Queue[],
  readable: (row: RequestRow) => boolean,
  limit: number,
): Promise<QueuePage> {
  const lookups = searchLookups(filters.q);
  const ranges = rangesOf(lookups, queues);
  if (ranges.length === 0) return emptyPage;
  if (narrowed(filters)) {
    const ids = await idsIn(model, ranges, checkCap + 1);
    const found = ids.length > 0 ? ids : await anyOrder(model, lookups, queues);
    const rows = held(await model.requests.bulkGet(found.slice(0, checkCap))).filter(
      (r) => rowMatches(r, filters, queues) && readable(r),
    );
    if (found.length <= checkCap) return pageOf(rows, rows.length, limit);
    return { ...pageOf(rows, rows.length, limit, true), checked: checkCap };
  }
  const found = idsIn(model, ranges, searchCap + 1);
  const first = await firstRows(model, ranges[0]!, found, Math.min(limit + 1, searchCap + 1));
  if (first.ids.length > searchCap) {
    const rows = first.rows.filter(readable).slice(0, searchCap);
    return pageOf(rows, searchCap, limit, true);
  }
  if (first.ids.length > 0) return pageOf(first.rows.filter(readable), first.ids.length, limit);
  const ids = await anyOrder(model, lookups, queues);
  const rows = held(await model.requests.bulkGet(ids.slice(0, limit + 1))).filter(readable);
  return pageOf(rows, ids.length, limit);
}
