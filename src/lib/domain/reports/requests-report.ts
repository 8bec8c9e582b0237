/**
 * What the requests of a period came to (issue "Working together and showing what it achieved",
 * "Reports"): how many were received and how many met, by week, kind, area and language; how long
 * help took (received → done: median and 90th percentile); and what is still unmet, and overdue.
 * Pure: the server gives it the requests its user may read (sync-server/reports/), so a figure
 * here is never about anything its reader could not see. A request holds no personal data (that is
 * on its contact), and a report holds only counts and times, never a reference or a name.
 *
 * "Received" is by the day the request was made, in Wales (calendar-days.ts); "met" is a request
 * received in the period that has since been done (a volunteer's "helped" or "referred", or a
 * coordinator closing it as done). Cancelled requests (withdrawn, duplicates) are received but
 * neither met nor unmet. Weeks start on Monday.
 */
import { londonDate } from '../calendar-days.ts';
import type { RequestDoc } from '../requests/request.ts';
import { isHeld, isOpen } from '../requests/lifecycle.ts';

/** The facts of one request a report counts: nothing that says who it is. */
export type RequestFacts = Pick<
  RequestDoc,
  'kind' | 'area' | 'language' | 'status' | 'created_at' | 'needed_by'
> & {
  /** The day it was made, in Wales (`YYYY-MM-DD`): worked out once, as the facts are kept. */
  day: string;
  /** When it was done (its status stamp), or null. */
  done_at: string | null;
};

export function requestFacts(doc: RequestDoc): RequestFacts {
  return {
    kind: doc.kind,
    area: doc.area,
    language: doc.language,
    status: doc.status,
    created_at: doc.created_at,
    day: londonDate(doc.created_at),
    needed_by: doc.needed_by,
    done_at: doc.status === 'done' ? doc.fields_meta.status.at : null,
  };
}

export type Period = { from: string; to: string };

export type Tally = { key: string; received: number; met: number };

export type RequestsReport = {
  period: Period;
  received: number;
  met: number;
  cancelled: number;
  /** Received in the period and not yet done or cancelled; of those, past their needed-by day. */
  unmet: number;
  overdue: number;
  /** Hours from received to done, over the period's requests that are done. */
  timeToHelp: { count: number; medianHours: number | null; p90Hours: number | null };
  byWeek: Tally[];
  byKind: Tally[];
  byArea: Tally[];
  byLanguage: Tally[];
};

const dayMs = 86_400_000;

/** Mondays by day, as reports ask for the same few hundred days again and again. */
const mondays = new Map<string, string>();

/** The Monday (`YYYY-MM-DD`) of the week `date` (`YYYY-MM-DD`) falls in. */
export function weekOf(date: string): string {
  const known = mondays.get(date);
  if (known !== undefined) return known;
  const week = mondayOf(date);
  if (mondays.size < 10_000) mondays.set(date, week);
  return week;
}

function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * dayMs).toISOString().slice(0, 10);
}

/** The `p`th percentile (0–100) of sorted `values` by the nearest-rank method; null when none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function tallyBy(
  facts: readonly RequestFacts[],
  keyOf: (f: RequestFacts) => string,
  keys: readonly string[] = [],
): Tally[] {
  const tallies = new Map<string, Tally>(keys.map((key) => [key, { key, received: 0, met: 0 }]));
  for (const f of facts) {
    const key = keyOf(f);
    const t = tallies.get(key) ?? { key, received: 0, met: 0 };
    t.received++;
    if (f.status === 'done') t.met++;
    tallies.set(key, t);
  }
  return [...tallies.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every Monday from the week of `from` to the week of `to`. */
function weeksOf(period: Period): string[] {
  const weeks: string[] = [];
  for (let w = weekOf(period.from); w <= period.to;) {
    weeks.push(w);
    w = new Date(Date.parse(`${w}T00:00:00Z`) + 7 * dayMs).toISOString().slice(0, 10);
  }
  return weeks;
}

/** The report of `all` for `period` (inclusive days in Wales), as things stand on `today`. */
export function requestsReport(
  all: readonly RequestFacts[],
  period: Period,
  today: string,
): RequestsReport {
  const facts = all.filter((f) => f.day >= period.from && f.day <= period.to);
  const stillOpen = facts.filter((f) => isOpen(f.status) || isHeld(f.status));
  const hours = facts
    .filter((f) => f.done_at !== null)
    .map((f) => (Date.parse(f.done_at!) - Date.parse(f.created_at)) / 3_600_000)
    .filter((h) => h >= 0)
    .sort((a, b) => a - b);
  return {
    period,
    received: facts.length,
    met: facts.filter((f) => f.status === 'done').length,
    cancelled: facts.filter((f) => f.status === 'cancelled').length,
    unmet: stillOpen.length,
    overdue: stillOpen.filter((f) => f.needed_by < today).length,
    timeToHelp: {
      count: hours.length,
      medianHours: percentile(hours, 50),
      p90Hours: percentile(hours, 90),
    },
    byWeek: tallyBy(facts, (f) => weekOf(f.day), weeksOf(period)),
    byKind: tallyBy(facts, (f) => f.kind),
    byArea: tallyBy(facts, (f) => f.area ?? ''),
    byLanguage: tallyBy(facts, (f) => f.language),
  };
}
