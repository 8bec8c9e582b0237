/**
 * How many requests each filter choice would show, so a coordinator sees "Overdue – 3" before
 * choosing it: every figure summed from the tallies (tallies.ts), one read of one small record,
 * counted as the queue counts its total (desk-queries.ts): statuses over every request, the rest
 * within the status chosen now, each regardless of the other filters.
 */
import { languages, type Language } from '#domain/languages.ts';
import { requestKinds, type RequestKind } from '#domain/questions/request-fields.ts';
import { urgencyLevels, type Urgency } from '#domain/requests/urgency.ts';
import { matchesStatus, statusChoices, type DeskFilters, type StatusChoice } from './desk-filters.ts';
import { queuesFor } from './desk-queries.ts';
import type { ReadModelDb } from '../model/read-model.ts';
import { readTallies, sumOf, type Tally } from '../model/tallies.ts';

export type FilterCounts = {
  status: Record<StatusChoice, number>;
  kind: Record<RequestKind, number>;
  urgency: Record<Urgency, number>;
  language: Record<Language, number>;
  area: Record<string, number>;
  overdue: number;
  unassigned: number;
};

function record<K extends string>(keys: readonly K[], count: (key: K) => number) {
  return Object.fromEntries(keys.map((k) => [k, count(k)])) as Record<K, number>;
}

export async function filterCounts(
  model: ReadModelDb,
  filters: DeskFilters,
  areas: readonly string[],
): Promise<FilterCounts> {
  const tallies = await readTallies(model);
  const queues = queuesFor({ status: filters.status, unassigned: false });
  const shown = (t: Tally) => queues.includes(t.queue) && matchesStatus(t.status, filters.status);
  const count = (keep: (t: Tally) => boolean) => sumOf(tallies, (t) => shown(t) && keep(t));
  return {
    status: record(statusChoices, (choice) =>
      sumOf(tallies, (t) => matchesStatus(t.status, choice)),
    ),
    kind: record(requestKinds, (k) => count((t) => t.kind === k)),
    urgency: record(urgencyLevels, (u) => count((t) => t.urgency === u)),
    language: record(languages, (l) => count((t) => t.language === l)),
    area: record(areas, (a) => count((t) => t.area === a)),
    overdue: count((t) => t.overdue === 1),
    unassigned: count((t) => t.queue === 0),
  };
}
