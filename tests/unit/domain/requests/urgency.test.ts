import { describe, expect, it } from 'vitest';
import { daysBetween } from '#domain/calendar-days.ts';
import { initialUrgency, type UrgencyInputs } from '#domain/requests/urgency.ts';

const today = '2026-11-23';
const calm: UrgencyInputs = {
  needed_by: '2026-11-30',
  self_isolating: false,
  shielding: false,
  lives_alone: false,
  no_food_today: false,
  medicine_runs_out_days: null,
};
const urgency = (changes: Partial<UrgencyInputs>) => initialUrgency({ ...calm, ...changes }, today);

describe('daysBetween', () => {
  it('counts whole calendar days, negative when past', () => {
    expect(daysBetween(today, today)).toBe(0);
    expect(daysBetween(today, '2026-11-24')).toBe(1);
    expect(daysBetween(today, '2026-11-22')).toBe(-1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    // Across the change to British Summer Time: still whole days.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

describe('initialUrgency', () => {
  it('is low with a week to go and nothing pressing', () => {
    expect(urgency({})).toBe('low');
  });

  it('is high when there is no food today, however far off the date', () => {
    expect(urgency({ no_food_today: true, needed_by: '2026-12-20' })).toBe('high');
  });

  it('is high when medicine runs out within two days', () => {
    expect(urgency({ medicine_runs_out_days: 0 })).toBe('high');
    expect(urgency({ medicine_runs_out_days: 2 })).toBe('high');
    expect(urgency({ medicine_runs_out_days: 3 })).toBe('medium');
  });

  it('is medium when medicine runs out within a week, low after', () => {
    expect(urgency({ medicine_runs_out_days: 7 })).toBe('medium');
    expect(urgency({ medicine_runs_out_days: 8 })).toBe('low');
  });

  it('is high when help is needed today or the date has passed', () => {
    expect(urgency({ needed_by: today })).toBe('high');
    expect(urgency({ needed_by: '2026-11-20' })).toBe('high');
  });

  it('is medium within two days, low from three', () => {
    expect(urgency({ needed_by: '2026-11-24' })).toBe('medium');
    expect(urgency({ needed_by: '2026-11-25' })).toBe('medium');
    expect(urgency({ needed_by: '2026-11-26' })).toBe('low');
  });

  it.each(['shielding', 'self_isolating', 'lives_alone'] as const)(
    'is at least medium for someone %s',
    (flag) => {
      expect(urgency({ [flag]: true })).toBe('medium');
      expect(urgency({ [flag]: true, needed_by: today })).toBe('high');
    },
  );
});
