/**
 * Expected dates, worked out here from today's date in Wales. Welsh day and month names are written
 * out (CLDR `cy` gregorian calendar, https://www.unicode.org/cldr/charts/latest/by_type/date_&_time.gregorian.html)
 * rather than read from the app's locale files, so a wrong name in the app is caught; English ones
 * come from Node's own Intl data.
 */
import type { Lang } from './locales.ts';

const welshDays = [
  'Dydd Sul',
  'Dydd Llun',
  'Dydd Mawrth',
  'Dydd Mercher',
  'Dydd Iau',
  'Dydd Gwener',
  'Dydd Sadwrn',
];
const welshMonths = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];

export const timeZone = 'Europe/London';

/** Today in Wales plus `days`, as a calendar date (a UTC midnight, so arithmetic ignores DST). */
export function dayInWales(days = 0, now = new Date()): Date {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone })
    .format(now)
    .split('-')
    .map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days));
}

/** `Dydd Llun 23 Tachwedd 2026` / `Monday 23 November 2026` */
export function longDate(date: Date, lang: Lang): string {
  const weekday =
    lang === 'cy'
      ? welshDays[date.getUTCDay()]
      : date.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const month =
    lang === 'cy'
      ? welshMonths[date.getUTCMonth()]
      : date.toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${weekday} ${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
}
