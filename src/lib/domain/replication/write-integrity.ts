/**
 * Checks every request write must pass, whoever writes it, because the merge depends on them: a
 * changed register is restamped by its writer with a newer stamp (or the change could lose to the
 * value it replaced, or be credited to someone else), and the assignment log only grows, with the
 * writer's own entries (or a claim could be erased, and an overridden volunteer never told).
 */
import { assignmentKey, type Assignment } from '../requests/assignments.ts';
import type { ForbiddenReason } from '../forbidden-reasons.ts';
import { detailFields, registers, type Register, type RequestDoc } from '../requests/request.ts';
import { compareStamps, isAheadOf, sameStamp } from '../documents/stamps.ts';
import type { StaffUser } from '../people/users.ts';

/** Structural equality for JSON values; key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) &&
      sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Top-level fields whose values differ, leaving out CouchDB's own underscore fields. */
export function changedFields(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (k) =>
      !k.startsWith('_') &&
      !sameJson((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]),
  );
}

/** The status register's value: the status with what rides on it, absent fields as null. */
export const statusRegisterValue = (doc: RequestDoc) => [
  doc.status,
  doc.duplicate_of ?? null,
  doc.outcome ?? null,
  doc.decline_reason ?? null,
];

export function registerValue(doc: RequestDoc, register: Register): unknown {
  if (register === 'details') return detailFields.map((f) => doc[f]);
  // The duplicate link and the volunteer's report are part of the status register (request.ts).
  if (register === 'status') return statusRegisterValue(doc);
  return doc[register];
}

/** The registers whose value or stamp this write changes. */
export function changedRegisters(before: RequestDoc, after: RequestDoc): Register[] {
  return registers.filter(
    (r) =>
      !sameStamp(before.fields_meta[r], after.fields_meta[r]) ||
      !sameJson(registerValue(before, r), registerValue(after, r)),
  );
}

export function stampProblem(
  user: StaffUser,
  before: RequestDoc | null,
  after: RequestDoc,
): ForbiddenReason | null {
  if (before === null) {
    return registers.every((r) => after.fields_meta[r].by === user.id) ? null : 'wrong_author';
  }
  for (const r of changedRegisters(before, after)) {
    if (after.fields_meta[r].by !== user.id) return 'wrong_author';
    if (compareStamps(after.fields_meta[r], before.fields_meta[r]) <= 0) return 'unstamped_change';
  }
  return null;
}

/** Whether a field holds a time: `at` (stamps, assignments, events) and every `…_at`. */
const isTimeKey = (key: string) => key === 'at' || key.endsWith('_at');

/** Every time a document carries, by its path (`fields_meta.status.at`, `assignments.2.at`). */
export function timesOf(value: unknown, path = ''): Map<string, string> {
  const times = new Map<string, string>();
  if (typeof value !== 'object' || value === null) return times;
  for (const [key, field] of Object.entries(value)) {
    if (key.startsWith('_')) continue;
    const at = path === '' ? key : `${path}.${key}`;
    if (typeof field === 'string' && isTimeKey(key)) times.set(at, field);
    else for (const [p, t] of timesOf(field, at)) times.set(p, t);
  }
  return times;
}

/**
 * `clock_ahead` when this write sets a time (a stamp, `updated_at`, an assignment, a note's
 * `created_at`) further in the future than the server's clock allows. Only the times the write
 * changes are judged, so a document is never stuck because of what someone else wrote earlier.
 */
export function futureTimeProblem(
  before: object | null,
  after: object,
  now: string,
): ForbiddenReason | null {
  const old = before === null ? new Map<string, string>() : timesOf(before);
  for (const [path, at] of timesOf(after)) {
    if (old.get(path) !== at && isAheadOf(at, now)) return 'clock_ahead';
  }
  return null;
}

/** The entries this write adds, or a reason when it removes or rewrites any. */
export function addedAssignments(
  user: StaffUser,
  before: readonly Assignment[],
  after: readonly Assignment[],
): Assignment[] | ForbiddenReason {
  const afterByKey = new Map(after.map((a) => [assignmentKey(a), a]));
  for (const old of before) {
    const kept = afterByKey.get(assignmentKey(old));
    if (kept === undefined || !sameJson(kept, old)) return 'append_only';
  }
  const beforeKeys = new Set(before.map(assignmentKey));
  const added = after.filter((a) => !beforeKeys.has(assignmentKey(a)));
  return added.every((a) => a.by === user.id) ? added : 'wrong_author';
}
