/**
 * Dates in words, from our own locale files rather than `Intl.DateTimeFormat`: Debian's Chromium
 * ships no Welsh date data and silently prints English (docs/toolchain.md). Month and day names sit in
 * `common.months` and `common.days`, so Welsh dates show in Welsh on every browser.
 */
import type { Translate } from './i18n.ts';

/** `2026-11-23` (a calendar date, no time zone) → `Dydd Llun 23 Tachwedd 2026`. */
export function formatDate(isoDate: string, t: Translate): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  const weekday = new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay();
  return t('common.date_long', {
    weekday: t(`common.days.${weekday}`),
    day,
    month: t(`common.months.${month}`),
    year,
  });
}

/** An instant, in the device's time zone: `Dydd Sul 22 Tachwedd 2026 am 17:50`. */
export function formatDateTime(instant: string | Date, t: Translate): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return t('common.date_time', {
    date: formatDate(local, t),
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  });
}

/** The device's local calendar date, `days` from now, as `YYYY-MM-DD`. */
export function localIsoDate(now: Date, days = 0): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
