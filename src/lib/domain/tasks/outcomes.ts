/**
 * How a volunteer's visit ended, and what each ending means. A task is finished with one outcome:
 * the resident was helped (delivered, collected, supported), nobody was home, it could not be
 * completed (and why), or the resident was referred elsewhere (and, if the volunteer knows, where).
 *
 * The meaning of each lives here, not in a page: which status the request takes (helped and
 * referred close it; nobody home and could not complete send it back to triage, unassigned, for a
 * coordinator to try again), and so what the resident's status page tells them. A volunteer who
 * will not do a task at all declines it instead, with a reason, which also sends it back to triage.
 *
 * The outcome and the decline's reason ride on the request's `status` register (requests/request.ts):
 * set and cleared with the status, under its stamp, like the duplicate link.
 */
import * as v from 'valibot';
import { freeText } from '../questions/free-text.ts';

export const outcomeKinds = ['helped', 'nobody_home', 'could_not_complete', 'referred'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

export type Outcome =
  | { kind: 'helped' }
  | { kind: 'nobody_home' }
  | { kind: 'could_not_complete'; reason: string }
  | { kind: 'referred'; where?: string };

/** The longest reason a volunteer may give for declining or for not completing a task. */
export const maxTaskReason = 500;
/** The longest "referred to" a volunteer may write: a name, not a story. */
export const maxReferredWhere = 200;

export const taskReasonSchema = freeText(1, maxTaskReason);

export const outcomeSchema: v.GenericSchema<unknown, Outcome> = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('helped') }, 'invalid'),
    v.strictObject({ kind: v.literal('nobody_home') }, 'invalid'),
    v.strictObject({ kind: v.literal('could_not_complete'), reason: taskReasonSchema }, 'invalid'),
    v.strictObject(
      { kind: v.literal('referred'), where: v.optional(freeText(1, maxReferredWhere)) },
      'invalid',
    ),
  ],
  'invalid',
);

/**
 * The status an outcome gives the request. Typed by name rather than importing the status list, so
 * the request's own module can build on this one.
 */
export function statusAfter(kind: OutcomeKind): 'done' | 'triaged' {
  return returnsToQueue(kind) ? 'triaged' : 'done';
}

/** Whether the coordinator must try again: the request goes back to triage, unassigned. */
export function returnsToQueue(kind: OutcomeKind): boolean {
  return kind === 'nobody_home' || kind === 'could_not_complete';
}

/** The words of an outcome a history keeps beside it: the reason, or where they were sent. */
export function outcomeDetail(outcome: Outcome): string | undefined {
  if (outcome.kind === 'could_not_complete') return outcome.reason;
  if (outcome.kind === 'referred') return outcome.where;
  return undefined;
}

export function sameOutcome(a: Outcome | undefined, b: Outcome | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.kind === b.kind && outcomeDetail(a) === outcomeDetail(b);
}

export function isOutcomeKind(value: unknown): value is OutcomeKind {
  return typeof value === 'string' && (outcomeKinds as readonly string[]).includes(value);
}
