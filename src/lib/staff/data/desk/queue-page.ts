/**
 * A page of the coordinator's queue as the desk's queries give it (desk-queries.ts, desk-search.ts):
 * each request with its triage, and the check of a stored row against the filters both make.
 */
import type { RequestDoc } from '#domain/requests/request.ts';
import type { Triage } from '#domain/triage/urgency-score.ts';
import { matchesStatus, type DeskFilters } from './desk-filters.ts';
import type { Queue } from '../model/desk-order.ts';
import { requestOfRow, type RequestRow } from '../model/projections.ts';
import type { Tally } from '../model/tallies.ts';

export type QueueItem = { request: RequestDoc; triage: Triage };
/**
 * A page of the queue: its rows, how many match in all and whether there are more to show.
 * `capped`: a search found more than it counts (desk-search.ts), and `total` is that many; or,
 * with another filter too, more than it reads and checks: then `checked` is how many it checked,
 * and `total` how many of those match.
 */
export type QueuePage = {
  items: QueueItem[];
  total: number;
  more: boolean;
  capped: boolean;
  checked?: number;
};

export const emptyPage: QueuePage = { items: [], total: 0, more: false, capped: false };

/** Every filter but the search on a stored row (or a tally of rows). */
export function rowMatches(row: Tally | RequestRow, f: DeskFilters, queues: Queue[]): boolean {
  return (
    queues.includes(row.queue) &&
    matchesStatus(row.status, f.status) &&
    (f.kind === null || row.kind === f.kind) &&
    (f.area === null || row.area === f.area) &&
    (f.urgency === null || row.urgency === f.urgency) &&
    (f.language === null || row.language === f.language) &&
    (f.volunteer === null || ('assignee' in row && row.assignee === f.volunteer)) &&
    (!f.overdue || row.overdue === 1)
  );
}

export const itemOf = (row: RequestRow): QueueItem => ({
  request: requestOfRow(row),
  triage: { score: row.score, reasons: row.reasons, overdue: row.overdue === 1 },
});

export const pageOf = (
  rows: RequestRow[],
  total: number,
  limit: number,
  capped = false,
): QueuePage => ({
  items: rows.slice(0, limit).map(itemOf),
  total,
  more: rows.length > limit,
  capped,
});
