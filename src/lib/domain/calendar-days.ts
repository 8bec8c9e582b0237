/**
 * Calendar days as people in Wales count them: in Europe/London, whatever the device's own time
 * zone. A request needed "today" is still today at 23:30 in July, when UTC has already moved on.
 * The time zone database every browser and Node carry (`Intl`) knows when British Summer Time
 * starts and ends; the parts are put together by hand, so no locale's date format is relied on
 * (Debian's Chromium lacks some locales' date data: docs/toolchain.md).
 */
const dayMs = 86_400_000;

const inLondon = new Intl.DateTimeFormat('en', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (`YYYY-MM-DD`) in Europe/London at `instant` (an ISO instant). */
export function londonDate(instant: string): string {
  const part = Object.fromEntries(
    inLondon.formatToParts(new Date(instant)).map(({ type, value }) => [type, value]),
  );
  return `${part.year}-${part.month}-${part.day}`;
}

/** Whole days from `today` (YYYY-MM-DD) to `date` (YYYY-MM-DD); negative when past. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);
}
