/**
 * How long Cymorth keeps things, as an admin sets it. Stored and checked only: nothing deletes by
 * these yet (issue 12's retention work will read them through `sync-server/admin/settings-store.ts`).
 *
 * - `finished_task_days`: how many days a volunteer's phone keeps a task after it is finished
 *   (done or cancelled) before it leaves the device.
 * - `personal_data_days_after_close`: how many days the server keeps a request's personal data
 *   (its contact, and notes that may hold personal data) after the request is closed; what is
 *   left is de-identified facts for reports.
 *
 * The bounds are sensible, not legal advice: a day at least (zero would erase a task as it is
 * finished, before anyone could correct a mistake), and no longer than the work needs: 90 days on
 * a phone, two years on the server (UK GDPR's storage limitation, Article 5(1)(e)).
 */
import * as v from 'valibot';

export const retentionBounds = {
  finished_task_days: { min: 1, max: 90, fallback: 14 },
  personal_data_days_after_close: { min: 7, max: 730, fallback: 90 },
} as const;

export type RetentionField = keyof typeof retentionBounds;
export type RetentionSettings = Record<RetentionField, number>;
export type RetentionProblem = 'required' | 'not_whole' | 'too_short' | 'too_long';

/** Before an admin saves any: the fallbacks above. */
export const defaultRetention: RetentionSettings = {
  finished_task_days: retentionBounds.finished_task_days.fallback,
  personal_data_days_after_close: retentionBounds.personal_data_days_after_close.fallback,
};

const days = (field: RetentionField) =>
  v.pipe(
    v.number('not_whole'),
    v.integer('not_whole'),
    v.minValue(retentionBounds[field].min, 'too_short'),
    v.maxValue(retentionBounds[field].max, 'too_long'),
  );

export const retentionSchema: v.GenericSchema<unknown, RetentionSettings> = v.strictObject(
  {
    finished_task_days: days('finished_task_days'),
    personal_data_days_after_close: days('personal_data_days_after_close'),
  },
  'invalid',
);

/** What an admin typed (` 30 `) as a number of days, or the problem with it. */
export function typedDays(
  field: RetentionField,
  typed: string,
): { ok: true; days: number } | { ok: false; problem: RetentionProblem } {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: 'required' };
  if (!/^\d{1,6}$/.test(text)) return { ok: false, problem: 'not_whole' };
  const value = Number(text);
  const { min, max } = retentionBounds[field];
  if (value < min) return { ok: false, problem: 'too_short' };
  if (value > max) return { ok: false, problem: 'too_long' };
  return { ok: true, days: value };
}
