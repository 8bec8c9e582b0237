import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, localIsoDate } from '$lib/i18n/dates.ts';
import { localeInstance, translator } from '../../support/locale-i18n.ts';

const i18n = localeInstance();
const cy = translator(i18n, 'cy');
const en = translator(i18n, 'en');

describe('formatDate', () => {
  it('writes a Welsh date in Welsh', () => {
    expect(formatDate('2026-11-23', cy)).toBe('Dydd Llun 23 Tachwedd 2026');
  });

  it('writes an English date in English', () => {
    expect(formatDate('2026-11-23', en)).toBe('Monday 23 November 2026');
  });

  it('ignores any time after the date', () => {
    expect(formatDate('2026-11-23T23:59:59+14:00', cy)).toBe('Dydd Llun 23 Tachwedd 2026');
  });

  // Node's ICU carries Welsh and English names: an independent witness for every day of a leap
  // year (the app does not use Intl because some browsers lack Welsh data, see dates.ts).
  it.each([
    ['cy', cy],
    ['en', en],
  ] as const)('names every weekday and month of 2028 as Intl does in %s', (lang, t) => {
    const intl = new Intl.DateTimeFormat(lang === 'cy' ? 'cy' : 'en-GB', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2028, 0, 1 + day));
      const iso = date.toISOString().slice(0, 10);
      const parts = Object.fromEntries(intl.formatToParts(date).map((p) => [p.type, p.value]));
      expect(formatDate(iso, t), iso).toBe(
        `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['year']}`,
      );
    }
  });
});

describe('formatDateTime', () => {
  it('writes the local date and a 24-hour time', () => {
    const instant = new Date(2026, 10, 22, 17, 5);
    expect(formatDateTime(instant, cy)).toBe('Dydd Sul 22 Tachwedd 2026 am 17:05');
    expect(formatDateTime(instant.toISOString(), en)).toBe('Sunday 22 November 2026 at 17:05');
  });
});

describe('localIsoDate', () => {
  it('counts calendar days on the device, across months, years and clock changes', () => {
    expect(localIsoDate(new Date(2026, 10, 23, 23, 59))).toBe('2026-11-23');
    expect(localIsoDate(new Date(2026, 0, 31, 12), 1)).toBe('2026-02-01');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 1), 1)).toBe('2027-01-01');
    expect(localIsoDate(new Date(2026, 2, 28, 23, 30), 1)).toBe('2026-03-29');
    expect(localIsoDate(new Date(2026, 2, 28, 23, 30), 7)).toBe('2026-04-04');
  });
});
