import { describe, expect, it } from 'vitest';
import { daysBetween, londonDate } from '#domain/calendar-days.ts';
import { forSeeds } from '../../support/seeded-random.ts';

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

  it('agrees with the time zone database on any instant', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const from = Date.parse('2024-01-01T00:00:00Z');
    const span = Date.parse('2040-01-01T00:00:00Z') - from;
    forSeeds(20, 500, (random) => {
      for (let i = 0; i < 200; i++) {
        const instant = new Date(from + Math.floor(random.next() * span)).toISOString();
        expect(londonDate(instant), instant).toBe(format.format(new Date(instant)));
      }
    });
    // Each changeover, to the minute either side.
    for (let year = 2024; year < 2040; year++) {
      for (const month of [2, 9]) {
        const last = new Date(Date.UTC(year, month + 1, 0));
        const sunday = last.getTime() - last.getUTCDay() * 86_400_000;
        for (const minutes of [-61, -60, -1, 0, 59, 60, 23 * 60 + 1, 22 * 60 + 59, 23 * 60]) {
          const instant = new Date(sunday + minutes * 60_000).toISOString();
          expect(londonDate(instant), instant).toBe(format.format(new Date(instant)));
        }
      }
    }
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, negative when past', () => {
    expect(daysBetween('2030-03-30', '2030-04-01')).toBe(2);
    expect(daysBetween('2030-01-01', '2029-12-31')).toBe(-1);
  });
});
