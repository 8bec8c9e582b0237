import { describe, expect, it } from 'vitest';
import { daysBetween, londonDate } from '#domain/calendar-days.ts';

describe('londonDate', () => {
  it('is the UTC date in winter, up to midnight', () => {
    expect(londonDate('2030-01-15T23:59:59.999Z')).toBe('2030-01-15');
    expect(londonDate('2030-01-16T00:00:00.000Z')).toBe('2030-01-16');
  });

  it('is an hour ahead of UTC in summer: 23:30 UTC is already tomorrow', () => {
    expect(londonDate('2030-07-15T22:59:59.999Z')).toBe('2030-07-15');
    expect(londonDate('2030-07-15T23:00:00.000Z')).toBe('2030-07-16');
  });

  it('changes at 01:00 UTC on the last Sundays of March and October', () => {
    // 2030: Sunday 31 March and Sunday 27 October.
    expect(londonDate('2030-03-30T23:30:00Z')).toBe('2030-03-30');
    expect(londonDate('2030-03-31T00:59:59Z')).toBe('2030-03-31');
    expect(londonDate('2030-03-31T23:30:00Z')).toBe('2030-04-01');
    expect(londonDate('2030-10-26T23:30:00Z')).toBe('2030-10-27');
    expect(londonDate('2030-10-27T00:59:59Z')).toBe('2030-10-27');
    expect(londonDate('2030-10-27T23:30:00Z')).toBe('2030-10-27');
  });

  it('keeps to the changeovers of other years too', () => {
    // 2026: Sunday 29 March and Sunday 25 October; 2039: Sunday 27 March and Sunday 30 October.
    expect(londonDate('2026-03-29T00:59:00Z')).toBe('2026-03-29');
    expect(londonDate('2026-03-29T23:00:00Z')).toBe('2026-03-30');
    expect(londonDate('2026-03-28T23:00:00Z')).toBe('2026-03-28');
    expect(londonDate('2026-10-24T23:00:00Z')).toBe('2026-10-25');
    expect(londonDate('2026-10-25T23:00:00Z')).toBe('2026-10-25');
    expect(londonDate('2039-03-27T23:00:00Z')).toBe('2039-03-28');
    expect(londonDate('2039-10-29T23:00:00Z')).toBe('2039-10-30');
    expect(londonDate('2039-10-30T23:00:00Z')).toBe('2039-10-30');
  });

  it('gives the date with leading zeros, as needed_by is written', () => {
    expect(londonDate('2030-02-03T10:00:00Z')).toBe('2030-02-03');
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, negative when past', () => {
    expect(daysBetween('2030-03-30', '2030-04-01')).toBe(2);
    expect(daysBetween('2030-01-01', '2029-12-31')).toBe(-1);
  });
});
