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
import type { QueuePage } from '../../../../src/lib/staff/data/desk/desk-queries.ts';
import { requestOfRow, type RequestRow } from '../../../../src/lib/staff/data/model/projections.ts';
import type { ReadModelDb } from '../../../../src/lib/staff/data/model/read-model.ts';
import { answers, searchLookups } from '../../../../src/lib/domain/search/search-query.ts';
import { taggedKey } from '../../../../src/lib/domain/search/search-keys.ts';

/** Any reading of the query answered by a key, or (a name) every word starting one of its names. */
function searched(row: RequestRow, q: string): boolean {
  const has = (kind: 'name', key: string) =>
    row.search.some((k) => k.startsWith(taggedKey(kind, key)));
  return searchLookups(q).some(
    (l) =>
      row.search.some((k) => answers({ ...l, key: taggedKey(l.kind, l.key) }, k)) ||
      (l.kind === 'name' && l.key.split(' ').every((word) => has('name', word))),
  );
}

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
    (!f.overdue || row.overdue === 1) &&
    (f.q.trim() === '' || searched(row, f.q))
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
  const hits = rows
    .filter((r) => matches(r, f) && canReadRequest(user, requestOfRow(r), now))
    .sort(inOrder);
  const items = hits.slice(0, limit).map((row) => ({
    request: requestOfRow(row),
    triage: { score: row.score, reasons: row.reasons, overdue: row.overdue === 1 },
  }));
  return { items, total: hits.length, more: hits.length > limit };
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
    if (r.assignee === '') counts.unassigned++;
  }
  return counts;
}
