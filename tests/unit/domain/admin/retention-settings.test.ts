import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { retentionSchema, typedDays } from '#domain/admin/retention-settings.ts';

describe('retention settings', () => {
  it('take whole days within sensible bounds', () => {
    expect(typedDays('finished_task_days', ' 30 ')).toEqual({ ok: true, days: 30 });
    expect(typedDays('personal_data_days_after_close', '730')).toEqual({ ok: true, days: 730 });
  });

  it.each([
    ['finished_task_days', '0', 'too_short'],
    ['finished_task_days', '91', 'too_long'],
    ['personal_data_days_after_close', '3650', 'too_long'],
    ['personal_data_days_after_close', '6', 'too_short'],
    ['personal_data_days_after_close', '', 'required'],
    ['finished_task_days', '2.5', 'not_whole'],
    ['finished_task_days', '-3', 'not_whole'],
    ['finished_task_days', 'ten', 'not_whole'],
  ] as const)('refuses %s of %j as %s', (field, typed, problem) => {
    expect(typedDays(field, typed)).toEqual({ ok: false, problem });
  });

  it('are checked by the same bounds when sent to the API', () => {
    expect(
      v.is(retentionSchema, { finished_task_days: 1, personal_data_days_after_close: 7 }),
    ).toBe(true);
    expect(
      v.is(retentionSchema, { finished_task_days: 0, personal_data_days_after_close: 7 }),
    ).toBe(false);
    expect(
      v.is(retentionSchema, { finished_task_days: 1, personal_data_days_after_close: 3650 }),
    ).toBe(false);
  });
});
