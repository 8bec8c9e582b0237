/**
 * The desk bench's baseline: the queue read the old way, before the read model learnt the queue
 * (commit 745a793's parent read `model.requests.toArray()` in a live query and the page filtered
 * and sorted in JavaScript). Same rows, same answer as `queuePage`/`filterCounts` (the bench checks
 * the page ids agree), but every query reads the whole table, filters each row and sorts the
 * matches. It uses the rows' stored triage, so it is the old way's floor: the old page also judged
 * every row's triage again on each read.
 */
import type { StaffUser } from '../../../../src/lib/domain/people/users.ts';
import { canReadRequest } from '../../../../src/lib/domain/access/read-access.ts';
import { requestKinds } from '../../../../src/lib/domain/questions/request-fields.ts';
import { urgencyLevels } from '../../../../src/lib/domain/requests/urgency.ts';
import { languages } from '../../../../src/lib/domain/languages.ts';
import {
  matchesStatus,
  statusChoices,
  type DeskFilters,
} from '../../../../src/lib/staff/data/desk/desk-filters.ts';
import type { FilterCounts } from '../../../../src/lib/staff/data/desk/desk-counts.ts';
import { queuesFor } from '../../../../src/lib/staff/data/desk/desk-queries.ts';
import type { QueuePage } from '../../../../src/lib/staff/data/desk/queue-page.ts';
import { requestOfRow, type RequestRow } from '../../../../src/lib/staff/data/model/projections.ts';
import type { ReadModelDb } from '../../../../src/lib/staff/data/model/read-model.ts';
import { answers, searchLookups } from '../../../../src/lib/domain/search/search-query.ts';
import { taggedKey } from '../../../../src/lib/domain/search/search-keys.ts';
import { keyOfEntry } from '../../../../src/lib/staff/data/model/desk-order.ts';

/**
 * Where a search lists `row` within its queue (desk-search.ts): by the first reading of the query
 * one of its keys answers, then by that entry (the key, then the rank); null when none does.
 */
function searchRank(row: RequestRow, q: string): string | null {
  for (const [i, l] of searchLookups(q).entries()) {
    const tagged = { ...l, key: taggedKey(l.kind, l.key) };
    const hits = row.search.filter((e) => answers(tagged, keyOfEntry(e))).sort();
    if (hits.length > 0) return `${String(i).padStart(2, '0')}${hits[0]}`;
  }
  return null;
}

/** A name typed in another order: every word starts one of the row's names. */
function everyWord(row: RequestRow, q: string): boolean {
  const words =
    searchLookups(q)
      .find((l) => l.kind === 'name')
      ?.key.split(' ') ?? [];
  const has = (word: string) =>
    row.search.some((e) => keyOfEntry(e).startsWith(taggedKey('name', word)));
  return words.length > 1 && words.every(has);
}

/** Whether `row` is in a queue the status choice shows, whatever else it is. */
const queueShown = (row: RequestRow, f: DeskFilters) => queuesFor(f).includes(row.queue);

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function matches(row: RequestRow, f: DeskFilters): boolean {
  const queueOk = !f.unassigned || row.queue === 0;
  return (
    queueOk &&
    matchesStatus(row.status, f.status) &&
    (f.kind === null || row.kind === f.kind) &&
    (f.area === null || row.area === f.area) &&
    (f.urgency === null || row.urgency === f.urgency) &&
    (f.language === null || row.language === f.language) &&
    (f.volunteer === null || row.assignee === f.volunteer) &&
    (!f.overdue || row.overdue === 1)
  );
}

const inOrder = (a: RequestRow, b: RequestRow) =>
  a.queue - b.queue || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);

/** The page from rows already in memory: filter, check access, sort, cut. */
export function oldQueueOver(
  rows: RequestRow[],
  user: StaffUser,
  f: DeskFilters,
  limit: number,
  now: string,
): QueuePage {
  const q = f.q.trim();
  const shown = rows.filter((r) => matches(r, f) && canReadRequest(user, requestOfRow(r), now));
  let hits = shown.sort(inOrder);
  if (q !== '') {
    // As the desk searches: the readings as typed, or if they find nobody, the words in any order.
    const found = shown.filter((r) => searchRank(r, q) !== null);
    const direct = rows.some((r) => queueShown(r, f) && searchRank(r, q) !== null);
    hits = direct
      ? found.sort((a, b) => a.queue - b.queue || byCodeUnits(searchRank(a, q)!, searchRank(b, q)!))
      : shown.filter((r) => everyWord(r, q));
  }
  const items = hits.slice(0, limit).map((row) => ({
    request: requestOfRow(row),
    triage: { score: row.score, reasons: row.reasons, overdue: row.overdue === 1 },
  }));
  return { items, total: hits.length, more: hits.length > limit, capped: false };
}

/**
 * The old page's work on every read of its live query: the whole table once, then the page and
 * the counts from that one array in JavaScript.
 */
export async function oldDesk(
  model: ReadModelDb,
  user: StaffUser,
  f: DeskFilters,
  limit: number,
  now: string,
): Promise<{ page: QueuePage; counts: FilterCounts }> {
  const rows = await model.requests.toArray();
  return {
    page: oldQueueOver(rows, user, f, limit, now),
    counts: oldCountsOver(rows, f, user.areas),
  };
}

/** The counts `filterCounts` gives, by one pass over rows in memory. */
export function oldCountsOver(
  rows: RequestRow[],
  f: DeskFilters,
  areas: readonly string[],
): FilterCounts {
  const zero = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const counts: FilterCounts = {
    status: zero(statusChoices),
    kind: zero(requestKinds),
    urgency: zero(urgencyLevels),
    language: zero(languages),
    area: zero(areas),
    overdue: 0,
    unassigned: 0,
  };
  for (const r of rows) {
    for (const choice of statusChoices)
      if (matchesStatus(r.status, choice)) counts.status[choice]++;
    if (!matchesStatus(r.status, f.status)) continue;
    counts.kind[r.kind]++;
    counts.urgency[r.urgency]++;
    counts.language[r.language]++;
    if (r.area in counts.area) counts.area[r.area]!++;
    if (r.overdue === 1) counts.overdue++;
    if (r.queue === 0) counts.unassigned++;
  }
  return counts;
}
