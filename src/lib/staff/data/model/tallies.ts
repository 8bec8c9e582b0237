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
import type { RequestRow } from './projections.ts';

/** The fields a tally is kept by, as a row holds them. */
export type Tallied = Pick<
  RequestRow,
  'status' | 'queue' | 'kind' | 'area' | 'urgency' | 'language' | 'overdue'
>;

/** One tally: a combination of those fields and how many rows have it. */
export type Tally = Tallied & { n: number };

/**
 * The tallies as stored: a column per field (one array each), so reading them is a copy of a few
 * arrays, with nothing to parse on every read of the desk.
 */
type Columns = { [K in keyof Tally]: Tally[K][] };

const fields = ['status', 'queue', 'kind', 'area', 'urgency', 'language', 'overdue', 'n'] as const;

type Meta = { key: string; value: unknown };
type Tables = Dexie & { meta: EntityTable<Meta, 'key'> };

const metaKey = 'tallies';

// Area ids are slugs (doc-ids.ts) and the other fields are the domain's words, so none holds `|`.
export const tallyKey = (row: Tallied): string =>
  [row.status, row.queue, row.kind, row.area, row.urgency, row.language, row.overdue].join('|');

function rowsOf(columns: Columns | undefined): Tally[] {
  if (columns === undefined) return [];
  return columns.n.map((n, i) => ({
    status: columns.status[i]!,
    queue: columns.queue[i]!,
    kind: columns.kind[i]!,
    area: columns.area[i]!,
    urgency: columns.urgency[i]!,
    language: columns.language[i]!,
    overdue: columns.overdue[i]!,
    n,
  }));
}

function columnsOf(tallies: Iterable<Tally>): Columns {
  const columns = Object.fromEntries(fields.map((f) => [f, []])) as unknown as Columns;
  for (const t of tallies) for (const f of fields) (columns[f] as unknown[]).push(t[f]);
  return columns;
}

const stored = async (model: Tables) =>
  (await model.meta.get(metaKey))?.value as Columns | undefined;

/** The tallies as stored; an empty model has none. */
export async function readTallies(model: Tables): Promise<Tally[]> {
  return rowsOf(await stored(model));
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
  const tallies = new Map(rowsOf(await stored(model)).map((t) => [tallyKey(t), t]));
  const add = (row: Tallied, by: number) => {
    const key = tallyKey(row);
    const t = tallies.get(key) ?? { ...pick(row), n: 0 };
    t.n += by;
    if (t.n === 0) tallies.delete(key);
    else tallies.set(key, t);
  };
  for (const row of before) if (row !== undefined) add(row, -1);
  for (const row of after) add(row, 1);
  await model.meta.put({ key: metaKey, value: columnsOf(tallies.values()) });
}

const pick = ({ status, queue, kind, area, urgency, language, overdue }: Tallied): Tallied => ({
  status,
  queue,
  kind,
  area,
  urgency,
  language,
  overdue,
});

/** How many rows the tallies say match `keep`. */
export const sumOf = (tallies: readonly Tally[], keep: (t: Tally) => boolean): number =>
  tallies.reduce((sum, t) => (keep(t) ? sum + t.n : sum), 0);
