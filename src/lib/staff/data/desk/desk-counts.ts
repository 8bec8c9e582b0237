/**
 * How many requests each filter choice would show, so a coordinator sees "Overdue – 3" before
 * choosing it. Every figure is one or a few native IndexedDB counts on the indexes the queue reads
 * by (desk-queries.ts), never a walk: statuses over every request, the rest within the status
 * chosen now, each regardless of the other filters.
 */
import { languages, type Language } from '#domain/languages.ts';
import { requestKinds, type RequestKind } from '#domain/questions/request-fields.ts';
import { requestStatuses } from '#domain/requests/status.ts';
import { urgencyLevels, type Urgency } from '#domain/requests/urgency.ts';
import { statusChoices, type DeskFilters, type StatusChoice } from './desk-filters.ts';
import { indexSource, statusesFor, statusSource } from './desk-queries.ts';
import type { ReadModelDb } from '../model/read-model.ts';

export type FilterCounts = {
  status: Record<StatusChoice, number>;
  kind: Record<RequestKind, number>;
  urgency: Record<Urgency, number>;
  language: Record<Language, number>;
  area: Record<string, number>;
  overdue: number;
  unassigned: number;
};

async function record<K extends string>(keys: readonly K[], count: (key: K) => Promise<number>) {
  const values = await Promise.all(keys.map(count));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]!])) as Record<K, number>;
}

export async function filterCounts(
  model: ReadModelDb,
  filters: DeskFilters,
  areas: readonly string[],
): Promise<FilterCounts> {
  const statuses = statusesFor(filters.status);
  const count = (index: string, value: string | number) =>
    indexSource(model, index, value, statuses).count();
  const byStatus = await record(requestStatuses, (s) => statusSource(model, s).count());
  const status = await record(statusChoices, async (choice) =>
    statusesFor(choice).reduce((sum, s) => sum + byStatus[s], 0),
  );
  const [kind, urgency, language, area, overdue, unassigned] = await Promise.all([
    record(requestKinds, (k) => count('[status+kind]', k)),
    record(urgencyLevels, (u) => count('[status+urgency]', u)),
    record(languages, (l) => count('[status+language]', l)),
    record(areas, (a) => count('[status+area]', a)),
    count('[status+overdue]', 1),
    count('[status+assignee]', ''),
  ]);
  return { status, kind, urgency, language, area, overdue, unassigned };
}
