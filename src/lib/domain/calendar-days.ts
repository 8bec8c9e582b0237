/**
 * Calendar days as people in Wales count them: in Europe/London, whatever the device's own time
 * zone. A request needed "today" is still today at 23:30 in July, when UTC has already moved on.
 *
 * The UK's rule (the Summer Time Order 2002) is written out rather than read from the host's time
 * zone data, so every device and the server agree on the day without depending on what their ICU
 * holds: British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
 * last Sunday of October, one hour ahead of UTC; the rest of the year is UTC.
 */
const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** 01:00 UTC on the last Sunday of `month` (0-based) in `year`, in milliseconds. */
function lastSundayAtOne(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const back = new Date(lastDay).getUTCDay(); // 0 is a Sunday
  return lastDay - back * dayMs + hourMs;
}

/** The calendar date (`YYYY-MM-DD`) in Europe/London at `instant` (an ISO instant). */
export function londonDate(instant: string): string {
  const ms = Date.parse(instant);
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayAtOne(year, 2) && ms < lastSundayAtOne(year, 9);
  return new Date(ms + (summer ? hourMs : 0)).toISOString().slice(0, 10);
}

/** Whole days from `today` (YYYY-MM-DD) to `date` (YYYY-MM-DD); negative when past. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);
}
