/**
 * What a volunteer types when they decline a task or say how it went, checked by the same schemas
 * the request is (outcomes.ts), so the page's errors and the server's refusals never disagree.
 * Each problem names the field it belongs to and why, for the page to say in words.
 */
import * as v from 'valibot';
import { isOutcomeKind, maxReferredWhere, taskReasonSchema, type Outcome } from './outcomes.ts';
import { freeText } from '../questions/free-text.ts';

export type TaskAnswerField = 'decline_reason' | 'outcome' | 'outcome_reason' | 'outcome_where';
export type TaskAnswerProblem = { field: TaskAnswerField; code: string };
export type TaskAnswer<T> = { ok: true; value: T } | { ok: false; problem: TaskAnswerProblem };

const whereSchema = freeText(1, maxReferredWhere);

function text(
  field: TaskAnswerField,
  schema: typeof taskReasonSchema,
  raw: string,
): TaskAnswer<string> {
  const parsed = v.safeParse(schema, raw);
  if (parsed.success) return { ok: true, value: parsed.output };
  return { ok: false, problem: { field, code: parsed.issues[0].message } };
}

/** Why they are handing the task back: required, bounded. */
export function declineAnswer(raw: string): TaskAnswer<string> {
  return text('decline_reason', taskReasonSchema, raw);
}

/** How it went: an outcome, with its reason (could not complete) or where (referred, optional). */
export function outcomeAnswer(
  kind: string | null,
  reason: string,
  where: string,
): TaskAnswer<Outcome> {
  if (!isOutcomeKind(kind)) return { ok: false, problem: { field: 'outcome', code: 'required' } };
  if (kind === 'could_not_complete') {
    const why = text('outcome_reason', taskReasonSchema, reason);
    return why.ok ? { ok: true, value: { kind, reason: why.value } } : why;
  }
  if (kind === 'referred') {
    if (where.trim() === '') return { ok: true, value: { kind } };
    const to = text('outcome_where', whereSchema, where);
    return to.ok ? { ok: true, value: { kind, where: to.value } } : to;
  }
  return { ok: true, value: { kind } };
}
