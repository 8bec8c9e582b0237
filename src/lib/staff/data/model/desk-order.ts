/**
 * Where a request stands in the coordinator's queue, as fields the read model indexes, so the
 * queue is read in order through `[queue+rank]` instead of being sorted in JavaScript.
 *
 * - `queue`: 0 open and nobody has it, 1 open and in someone's hands, 2 closed. Unassigned work
 *   comes before work already in hand (issue "The coordinator's desk").
 * - `rank`: within a queue, the triage score highest first (urgency-score.ts), then the soonest
 *   needed, the longest waiting, and the id, so every device lists the same rows in the same
 *   order and a page can start after any row. Closed requests go most recently changed first.
 * - `overdue` (0 or 1; IndexedDB cannot index booleans), `score`, `reasons`: the triage itself.
 * - `triage_day`: the date in Wales the triage was judged on. Scores move only when the date
 *   does (days waited, days overdue), so the model judges open requests again each new day
 *   (`stale` below); a closed request's triage never changes, so it is never stale.
 */
import { londonDate } from '#domain/calendar-days.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { isClosed } from '#domain/requests/status.ts';
import { triageOf, type TriageReason } from '#domain/triage/urgency-score.ts';

export type Queue = 0 | 1 | 2;

export type DeskFields = {
  queue: Queue;
  rank: string;
  score: number;
  reasons: TriageReason[];
  overdue: 0 | 1;
  triage_day: string;
};

/** Never below a real date, so a closed request is never judged again. */
export const neverStale = '9999-12-31';

// Scores are well under this; a higher score must sort first in an ascending index.
const scoreCeiling = 9999;

/** `2026-12-07T10:00:00.000Z` with every digit turned around (9 − d): later sorts first. */
const latestFirst = (instant: string) => instant.replace(/\d/g, (d) => String(9 - Number(d)));

export function queueOf(request: Pick<RequestDoc, 'status' | 'assignee'>): Queue {
  if (isClosed(request.status)) return 2;
  return request.assignee === null ? 0 : 1;
}

/** The queue fields of `request` judged at `now`; `contact` is null when the device has none. */
export function deskFields(
  request: Pick<
    RequestDoc,
    '_id' | 'status' | 'assignee' | 'urgency' | 'kind' | 'needed_by' | 'created_at' | 'updated_at'
  >,
  contact: ContactDoc | null,
  now: string,
): DeskFields {
  const queue = queueOf(request);
  const triage = triageOf(request, contact, now);
  const score = Math.min(triage.score, scoreCeiling);
  const rank =
    queue === 2
      ? `${latestFirst(request.updated_at)}|${request._id}`
      : `${String(scoreCeiling - score).padStart(4, '0')}|${request.needed_by}|${request.created_at}|${request._id}`;
  return {
    queue,
    rank,
    score,
    reasons: triage.reasons,
    overdue: triage.overdue ? 1 : 0,
    triage_day: queue === 2 ? neverStale : londonDate(now),
  };
}

/**
 * A search key as the read model stores it: behind its queue and before its place in the queue, so
 * one range of `*search` gives the requests a key finds in one queue already in the desk's order,
 * and the closed never slow a search of the open. `\u0001` sorts before any character of a key, so
 * a prefix's range lists the whole key's entries first (`jones` before `jonesy`). The place is the
 * rank's order in a third of its length (`searchOrder`): a row holds ten or so entries, and every
 * byte of a row is read again each time it is shown.
 */
const sep = '\u0001';

export const searchEntry = (key: string, queue: Queue, order: string) =>
  `${queue}${sep}${key}${sep}${order}`;

/** Milliseconds in base 36, nine digits: sorts as the instant does until the year 5188. */
const compactInstant = (instant: string) => Date.parse(instant).toString(36).padStart(9, '0');
const latestMs = 36 ** 9 - 1;

/**
 * The rank's order without its id and separators (ties keep the index's own order, by id): the
 * score inverted, needed-by and created; closed, latest change first.
 */
export function searchOrder(
  request: Pick<RequestDoc, 'needed_by' | 'created_at' | 'updated_at'>,
  fields: Pick<DeskFields, 'queue' | 'score'>,
): string {
  if (fields.queue === 2)
    return (latestMs - Date.parse(request.updated_at)).toString(36).padStart(9, '0');
  const score = String(scoreCeiling - fields.score).padStart(4, '0');
  return `${score}${request.needed_by.replaceAll('-', '')}${compactInstant(request.created_at)}`;
}

/** The entries of `queue` whose key is `key` (`exact`) or starts with it (`prefix`). */
export function searchRange(
  key: string,
  queue: Queue,
  match: 'exact' | 'prefix',
): [string, string] {
  const from = `${queue}${sep}${key}${match === 'exact' ? sep : ''}`;
  return [from, `${from}\uffff`];
}

/** The key a stored search entry was made from. */
export const keyOfEntry = (entry: string) => entry.split(sep)[1] ?? '';
