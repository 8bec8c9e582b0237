/**
 * The requests report on a fixture small enough to count by hand (reports/requests-report.ts),
 * its period rules (report-period.ts) and its CSV (report-csv.ts): formulas neutralised, counts
 * under five suppressed, measures left alone.
 */
import { describe, expect, it } from 'vitest';
import { londonDate } from '#domain/calendar-days.ts';
import { request } from '../../../support/factories.ts';
import {
  percentile,
  requestFacts,
  requestsReport,
  weekOf,
  type RequestFacts,
} from '#domain/reports/requests-report.ts';
import { parsePeriod, presetPeriod } from '#domain/reports/report-period.ts';
import { neutralised, suppressed, toCsv } from '#domain/reports/report-csv.ts';

/** Facts as `requestFacts` keeps them, from when the request was made and was done. */
const facts = ({
  created_at,
  done_at,
  ...f
}: Partial<RequestFacts> & { created_at: string; done_at?: string }): RequestFacts => ({
  kind: 'food',
  area: 'ceredigion',
  language: 'cy',
  status: 'new',
  needed_by: '2026-12-31',
  day: londonDate(created_at),
  hours: done_at === undefined ? null : (Date.parse(done_at) - Date.parse(created_at)) / 3_600_000,
  ...f,
});

// Monday 30 November 2026 to Sunday 13 December 2026: two weeks.
const period = { from: '2026-11-30', to: '2026-12-13' };
const world: RequestFacts[] = [
  // Week of 30 November: three received; two done (2 h and 26 h), one cancelled.
  facts({ created_at: '2026-11-30T09:00:00Z', status: 'done', done_at: '2026-11-30T11:00:00Z' }),
  facts({
    created_at: '2026-12-01T10:00:00Z',
    status: 'done',
    done_at: '2026-12-02T12:00:00Z',
    kind: 'prescription',
    language: 'en',
  }),
  facts({ created_at: '2026-12-02T10:00:00Z', status: 'cancelled' }),
  // Week of 7 December: two received, both still open, one past its needed-by day.
  facts({ created_at: '2026-12-07T10:00:00Z', status: 'triaged', needed_by: '2026-12-08' }),
  facts({
    created_at: '2026-12-08T10:00:00Z',
    status: 'in_progress',
    area: 'gwynedd',
    needed_by: '2026-12-20',
  }),
  // The Sunday before and the Monday after are outside; in December Wales keeps UTC, so 23:30Z
  // on the last Sunday is inside.
  facts({ created_at: '2026-11-29T12:00:00Z', status: 'done', done_at: '2026-11-29T13:00:00Z' }),
  facts({ created_at: '2026-12-14T00:10:00Z' }),
  facts({ created_at: '2026-12-13T23:30:00Z', kind: 'self_isolation_support' }),
];

describe('requestsReport', () => {
  const report = requestsReport(world, period, '2026-12-10');

  it('counts what was received and met in the period, and what is still unmet or overdue', () => {
    expect(report).toMatchObject({ received: 6, met: 2, cancelled: 1, unmet: 3, overdue: 1 });
  });

  it('times help from received to done: median and 90th percentile by nearest rank', () => {
    expect(report.timeToHelp).toEqual({ count: 2, medianHours: 2, p90Hours: 26 });
  });

  it('tallies by week (every week of the period, empty ones too), kind, area and language', () => {
    expect(report.byWeek).toEqual([
      { key: '2026-11-30', received: 3, met: 2 },
      { key: '2026-12-07', received: 3, met: 0 },
    ]);
    expect(report.byKind).toEqual([
      { key: 'food', received: 4, met: 1 },
      { key: 'prescription', received: 1, met: 1 },
      { key: 'self_isolation_support', received: 1, met: 0 },
    ]);
    expect(report.byArea).toEqual([
      { key: 'ceredigion', received: 5, met: 2 },
      { key: 'gwynedd', received: 1, met: 0 },
    ]);
    expect(report.byLanguage).toEqual([
      { key: 'cy', received: 5, met: 1 },
      { key: 'en', received: 1, met: 1 },
    ]);
  });

  it('takes the day a request was made in Wales: 23:30 UTC in summer is the next day', () => {
    const made = { ...request(), created_at: '2026-07-01T23:30:00.000Z' };
    expect(requestFacts(made)).toMatchObject({ day: '2026-07-02', hours: null });
    const summer = requestsReport(
      [requestFacts(made)],
      { from: '2026-07-02', to: '2026-07-02' },
      '2026-07-03',
    );
    expect(summer.received).toBe(1);
  });

  it('is empty, not wrong, with nothing in the period', () => {
    const none = requestsReport([], period, '2026-12-10');
    expect(none.timeToHelp).toEqual({ count: 0, medianHours: null, p90Hours: null });
    expect(none.byWeek.map((w) => w.received)).toEqual([0, 0]);
  });
});

describe('weeks and percentiles', () => {
  it('starts a week on Monday', () => {
    expect(weekOf('2026-12-07')).toBe('2026-12-07');
    expect(weekOf('2026-12-13')).toBe('2026-12-07');
    expect(weekOf('2026-12-14')).toBe('2026-12-14');
  });
  it('takes the nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('the period', () => {
  it('takes two real days, in order, no more than 366 days', () => {
    expect(parsePeriod('2026-01-01', '2026-12-31')).toEqual({
      ok: true,
      period: { from: '2026-01-01', to: '2026-12-31' },
    });
    expect(parsePeriod('2024-01-01', '2024-12-31')).toMatchObject({ ok: true });
    expect(parsePeriod('2026-02-30', '2026-03-01')).toEqual({ ok: false, problem: 'invalid_date' });
    expect(parsePeriod('2026-1-1', '2026-03-01')).toEqual({ ok: false, problem: 'invalid_date' });
    expect(parsePeriod(undefined, '2026-03-01')).toEqual({ ok: false, problem: 'invalid_date' });
    expect(parsePeriod('2026-03-02', '2026-03-01')).toEqual({
      ok: false,
      problem: 'from_after_to',
    });
    expect(parsePeriod('2025-01-01', '2026-01-02')).toEqual({ ok: false, problem: 'too_long' });
  });
  it('ends a preset on today, today included', () => {
    expect(presetPeriod('7d', '2026-12-08')).toEqual({ from: '2026-12-02', to: '2026-12-08' });
    expect(presetPeriod('28d', '2026-03-28')).toEqual({ from: '2026-03-01', to: '2026-03-28' });
  });
});

describe('CSV', () => {
  it('neutralises what a spreadsheet would run', () => {
    for (const cell of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\t=x', '\r=x']) {
      expect(neutralised(cell)).toBe(`'${cell}`);
    }
    expect(neutralised('Ceredigion')).toBe('Ceredigion');
  });
  it('suppresses counts from 1 to 4, never 0 or measures', () => {
    expect([0, 1, 4, 5, 12].map(suppressed)).toEqual(['0', '<5', '<5', '5', '12']);
    expect(toCsv(['week', 'received', 'hours'], [['2026-12-07', { count: 3 }, 3.5]])).toBe(
      'week,received,hours\r\n2026-12-07,<5,3.5\r\n',
    );
  });
  it('quotes as RFC 4180 says', () => {
    expect(toCsv(['a'], [['say "hi", then go']])).toBe('a\r\n"say ""hi"", then go"\r\n');
    expect(toCsv(['a'], [['=1+1,2']])).toBe('a\r\n"\'=1+1,2"\r\n');
  });
});
