/**
 * The period a report covers, as the API and the page take it: two calendar days (`YYYY-MM-DD`,
 * inclusive) no more than a year and a day apart, the first not after the second. Anything else is
 * refused with a code the page translates, before anything is read.
 */
import type { Period } from './requests-report.ts';

export const maxPeriodDays = 366;

export type PeriodProblem = 'invalid_date' | 'from_after_to' | 'too_long';

const isDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

export function parsePeriod(
  from: unknown,
  to: unknown,
): { ok: true; period: Period } | { ok: false; problem: PeriodProblem } {
  if (typeof from !== 'string' || typeof to !== 'string' || !isDay(from) || !isDay(to)) {
    return { ok: false, problem: 'invalid_date' };
  }
  if (from > to) return { ok: false, problem: 'from_after_to' };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > maxPeriodDays) return { ok: false, problem: 'too_long' };
  return { ok: true, period: { from, to } };
}

/** The presets the page offers: the last 7 or 28 days, the last 13 weeks, the last year. */
export const periodPresets = ['7d', '28d', '13w', '1y'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

const presetDays: Record<PeriodPreset, number> = { '7d': 7, '28d': 28, '13w': 91, '1y': 365 };

/** The preset's period ending on `today` (`YYYY-MM-DD`), today included. */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const end = Date.parse(`${today}T00:00:00Z`);
  const from = new Date(end - (presetDays[preset] - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to: today };
}
