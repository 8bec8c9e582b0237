/**
 * Who a request is assigned to is a register like status and urgency, but losing a write to it
 * silently is worse: a volunteer who claimed a task offline and is then overridden must be told. So
 * each request keeps the append-only log of assignment writes. Every entry lists the entries it
 * replaced (`after`: the heads its writer could see), which makes concurrency exact rather than
 * guessed from clocks: entries that no later entry replaced are the heads, and more than one head
 * means writes nobody has yet reconciled. The current assignee is the greatest head by stamp, the
 * usual last-writer-wins tie-break. This is a multi-value register with explicit causal history
 * (Shapiro et al. 2011, §3.2.2); the log is a grow-only set, so merging it is a union.
 */
import * as v from 'valibot';
import { isUserId } from '../documents/doc-ids.ts';
import { compareStamps, instantSchema, stampSchema, type Stamp } from '../documents/stamps.ts';

export type Assignment = { to: string | null; by: string; at: string; after: string[] };

const keyShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[^|]+\|[^|]*$/;

export const assignmentSchema = v.strictObject(
  {
    to: v.nullable(
      v.pipe(
        v.string('invalid'),
        v.check((s: string) => isUserId(s), 'invalid'),
      ),
    ),
    by: stampSchema.entries.by,
    at: instantSchema,
    after: v.pipe(
      v.array(v.pipe(v.string('invalid'), v.regex(keyShape, 'invalid')), 'invalid'),
      v.maxLength(20, 'invalid'),
    ),
  },
  'invalid',
);

/** An entry's identity: when, by whom, to whom. */
export const assignmentKey = (a: Assignment) => `${a.at}|${a.by}|${a.to ?? ''}`;

function compareAssignments(a: Assignment, b: Assignment): number {
  return (
    compareStamps(a, b) || ((a.to ?? '') < (b.to ?? '') ? -1 : (a.to ?? '') > (b.to ?? '') ? 1 : 0)
  );
}

export function assignmentHeads(log: readonly Assignment[]): Assignment[] {
  const replaced = new Set(log.flatMap((a) => a.after));
  return log.filter((a) => !replaced.has(assignmentKey(a)));
}

/** The winning head, or null when nobody has ever been assigned. */
export function currentAssignment(log: readonly Assignment[]): Assignment | null {
  let best: Assignment | null = null;
  for (const head of assignmentHeads(log)) {
    if (best === null || compareAssignments(head, best) > 0) best = head;
  }
  return best;
}

export const stampOf = (a: Assignment): Stamp => ({ at: a.at, by: a.by });

/**
 * The union of two logs in one canonical order (by key), so that merging in any order yields the
 * same array. Two entries with one key (only possible when one write was replayed) keep the union of
 * what they replaced.
 */
export function unionAssignments(a: readonly Assignment[], b: readonly Assignment[]): Assignment[] {
  const byKey = new Map<string, Assignment>();
  for (const entry of [...a, ...b]) {
    const key = assignmentKey(entry);
    const seen = byKey.get(key);
    const after = new Set([...(seen?.after ?? []), ...entry.after]);
    byKey.set(key, { to: entry.to, by: entry.by, at: entry.at, after: [...after].sort() });
  }
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, e]) => e);
}

/** True when `userId` has at some point been assigned this request. */
export function hasBeenAssigned(log: readonly Assignment[], userId: string): boolean {
  return log.some((a) => a.to === userId);
}

/**
 * Whether `userId` has accepted the task as it was last given them: the latest entry that gave it
 * to them is their own (a claim, or an acceptance of a coordinator's assignment, edits.ts
 * `accept`). A coordinator who gives it them again asks again. Read off the log rather than a
 * field, so it survives the rest of the volunteer's path, even the hand-back a finish can be, and
 * merges as the log does. A task given before acceptance existed waits for it, unless the
 * volunteer claimed it themselves: nobody is taken to have agreed to work they never agreed to.
 */
export function hasAccepted(log: readonly Assignment[], userId: string): boolean {
  let latest: Assignment | null = null;
  for (const entry of log) {
    if (entry.to === userId && (latest === null || compareAssignments(entry, latest) > 0)) {
      latest = entry;
    }
  }
  return latest?.by === userId;
}
