/**
 * A stamp says when and by whom a field was last written: `{ at, by }`. Stamps are totally ordered
 * by `at`, then `by`, so every device and the server pick the same last writer without talking to
 * each other (a last-writer-wins register: Shapiro et al., "Conflict-free Replicated Data Types",
 * 2011, §3.2.1). `at` is always `Date.prototype.toISOString()` output, whose fixed width makes string
 * order the same as time order.
 */
import * as v from 'valibot';
import { isUserId } from './doc-ids.ts';

/** Who may appear as a writer: a staff user, or the resident who sent the request. */
export const residentAuthor = 'resident';

export const instantSchema = v.pipe(
  v.string('invalid'),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'invalid'),
  v.check((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'invalid'),
);

export const authorSchema = v.pipe(
  v.string('invalid'),
  v.check((s) => s === residentAuthor || isUserId(s), 'invalid'),
);

export const stampSchema = v.strictObject({ at: instantSchema, by: authorSchema }, 'invalid');
export type Stamp = { at: string; by: string };

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareStamps(a: Stamp, b: Stamp): number {
  return compareStrings(a.at, b.at) || compareStrings(a.by, b.by);
}

export const sameStamp = (a: Stamp, b: Stamp) => compareStamps(a, b) === 0;

/**
 * How far ahead of the server's clock a written time may be. Phones' clocks drift by seconds, and
 * a save takes a moment to travel; a stamp further ahead than this comes from a clock set wrong,
 * and would win every last-writer-wins merge against honest edits until real time caught up.
 */
export const maxClockSkewMs = 5 * 60_000;

/** `at` is more than `maxClockSkewMs` after `now` (both ISO instants). */
export function isAheadOf(at: string, now: string): boolean {
  return Date.parse(at) - Date.parse(now) > maxClockSkewMs;
}

/**
 * The stamp for a new write by `by` at wall-clock `now`, strictly after the stamp it replaces. A
 * phone whose clock runs slow would otherwise write a value that loses to the one it replaced; taking
 * one millisecond past what it has seen is the hybrid-logical-clock rule (Kulkarni et al., "Logical
 * Physical Clocks", 2014) cut down to one field.
 */
export function nextStamp(replaced: Stamp, now: string, by: string): Stamp {
  if (now > replaced.at) return { at: now, by };
  return { at: new Date(Date.parse(replaced.at) + 1).toISOString(), by };
}
