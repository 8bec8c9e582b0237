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
  'kind' | 'area' | 'language' | 'status' | 'needed_by'
> & {
  /** The day it was made, in Wales (`YYYY-MM-DD`). */
  day: string;
  /** Hours from made to done (its status stamp), or null when not done. */
  hours: number | null;
};

/** A request's facts, worked out once as they are kept, so a report only counts. */
export function requestFacts(doc: RequestDoc): RequestFacts {
  const hours =
    doc.status === 'done'
      ? (Date.parse(doc.fields_meta.status.at) - Date.parse(doc.created_at)) / 3_600_000
      : null;
  return {
    kind: doc.kind,
    area: doc.area,
    language: doc.language,
    status: doc.status,
    day: londonDate(doc.created_at),
    needed_by: doc.needed_by,
    hours: hours !== null && Number.isFinite(hours) && hours >= 0 ? hours : null,
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

/** Received and met by key, in one pass: `count` adds a request, `sorted` gives the rows. */
function tallies(keys: readonly string[] = []) {
  const byKey = new Map<string, Tally>(keys.map((key) => [key, { key, received: 0, met: 0 }]));
  return {
    count(key: string, met: boolean) {
      let t = byKey.get(key);
      if (t === undefined) byKey.set(key, (t = { key, received: 0, met: 0 }));
      t.received++;
      if (met) t.met++;
    },
    sorted: () => [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
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
  const [weeks, kinds, areas, languages] = [
    tallies(weeksOf(period)),
    tallies(),
    tallies(),
    tallies(),
  ];
  const hours: number[] = [];
  let received = 0;
  let met = 0;
  let cancelled = 0;
  let unmet = 0;
  let overdue = 0;
  for (const f of all) {
    if (f.day < period.from || f.day > period.to) continue;
    received++;
    const done = f.status === 'done';
    if (done) met++;
    if (f.status === 'cancelled') cancelled++;
    if (isOpen(f.status) || isHeld(f.status)) {
      unmet++;
      if (f.needed_by < today) overdue++;
    }
    if (f.hours !== null) hours.push(f.hours);
    weeks.count(weekOf(f.day), done);
    kinds.count(f.kind, done);
    areas.count(f.area ?? '', done);
    languages.count(f.language, done);
  }
  hours.sort((a, b) => a - b);
  return {
    period,
    received,
    met,
    cancelled,
    unmet,
    overdue,
    timeToHelp: {
      count: hours.length,
      medianHours: percentile(hours, 50),
      p90Hours: percentile(hours, 90),
    },
    byWeek: weeks.sorted(),
    byKind: kinds.sorted(),
    byArea: areas.sorted(),
    byLanguage: languages.sorted(),
  };
}
