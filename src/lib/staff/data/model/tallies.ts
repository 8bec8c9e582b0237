/**
 * How many requests the model holds of each kind of row the desk filters by, kept beside the rows
 * (docs/architecture.md, "The coordinator's desk"). IndexedDB counts a range by walking it (about
 * 10 µs a request on a laptop, so a third of a second for 30,000), which no filter change can
 * afford; these tallies are changed in the same transaction as the rows they count, so every count
 * and total on the desk is one read of one small record, and never disagrees with the rows.
 *
 * A tally is the number of rows sharing one combination of the fields the desk narrows by (status,
 * queue, kind, area, urgency, language, overdue): a few hundred combinations for tens of
 * thousands of requests. The assigned volunteer and the search are not tallied: a volunteer's rows
 * are few enough to count by reading them, and a search counts the ids it finds.
 */
import type Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { RequestStatus } from '#domain/requests/status.ts';
import type { Queue } from './desk-order.ts';
import type { RequestRow } from './projections.ts';

/** The fields a tally is kept by, as a row holds them. */
export type Tallied = Pick<
  RequestRow,
  'status' | 'queue' | 'kind' | 'area' | 'urgency' | 'language' | 'overdue'
>;

/** Every combination held, by its key (`tallyKey`), with how many rows have it. */
export type Tallies = Record<string, number>;

/** One tally with its combination read back. */
export type Tally = Tallied & { n: number };

type Meta = { key: string; value: unknown };
type Tables = Dexie & { meta: EntityTable<Meta, 'key'> };

const metaKey = 'tallies';

// Area ids are slugs (doc-ids.ts), so `|` cannot occur in a field.
export const tallyKey = (row: Tallied): string =>
  [row.status, row.queue, row.kind, row.area, row.urgency, row.language, row.overdue].join('|');

function tallyOf(key: string, n: number): Tally {
  const [status, queue, kind, area, urgency, language, overdue] = key.split('|');
  return {
    status: status as RequestStatus,
    queue: Number(queue) as Queue,
    kind: kind as Tally['kind'],
    area: area!,
    urgency: urgency as Tally['urgency'],
    language: language as Tally['language'],
    overdue: Number(overdue) as 0 | 1,
    n,
  };
}

/** The tallies as stored; an empty model has none. */
export async function readTallies(model: Tables): Promise<Tally[]> {
  const stored = (await model.meta.get(metaKey))?.value as Tallies | undefined;
  return Object.entries(stored ?? {}).map(([key, n]) => tallyOf(key, n));
}

/**
 * Moves the tallies from the rows `before` a write to the rows after it (`undefined`: no row).
 * Run inside the transaction that writes the rows, with `meta` in its scope.
 */
export async function moveTallies(
  model: Tables,
  before: readonly (Tallied | undefined)[],
  after: readonly Tallied[],
): Promise<void> {
  const tallies = ((await model.meta.get(metaKey))?.value as Tallies | undefined) ?? {};
  const add = (row: Tallied, by: number) => {
    const key = tallyKey(row);
    const n = (tallies[key] ?? 0) + by;
    if (n === 0) delete tallies[key];
    else tallies[key] = n;
  };
  for (const row of before) if (row !== undefined) add(row, -1);
  for (const row of after) add(row, 1);
  await model.meta.put({ key: metaKey, value: tallies });
}

/** How many rows the tallies say match `keep`. */
export const sumOf = (tallies: readonly Tally[], keep: (t: Tally) => boolean): number =>
  tallies.reduce((sum, t) => (keep(t) ? sum + t.n : sum), 0);
