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
import { readTallies } from '../model/tallies.ts';

export type FilterCounts = {
  status: Record<StatusChoice, number>;
  kind: Record<RequestKind, number>;
  urgency: Record<Urgency, number>;
  language: Record<Language, number>;
  area: Record<string, number>;
  overdue: number;
  unassigned: number;
};

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function filterCounts(
  model: ReadModelDb,
  filters: DeskFilters,
  areas: readonly string[],
): Promise<FilterCounts> {
  const queues = queuesFor({ status: filters.status, unassigned: false });
  const counts: FilterCounts = {
    status: zeros(statusChoices),
    kind: zeros(requestKinds),
    urgency: zeros(urgencyLevels),
    language: zeros(languages),
    area: zeros(areas),
    overdue: 0,
    unassigned: 0,
  };
  // One pass over the tallies: each adds to every figure it belongs to.
  for (const t of await readTallies(model)) {
    for (const choice of statusChoices)
      if (matchesStatus(t.status, choice)) counts.status[choice] += t.n;
    if (!queues.includes(t.queue) || !matchesStatus(t.status, filters.status)) continue;
    counts.kind[t.kind] += t.n;
    counts.urgency[t.urgency] += t.n;
    counts.language[t.language] += t.n;
    if (t.area in counts.area) counts.area[t.area]! += t.n;
    if (t.overdue === 1) counts.overdue += t.n;
    if (t.queue === 0) counts.unassigned += t.n;
  }
  return counts;
}
