/**
 * Whether a volunteer can do a task in time: some day and part of the day they said they are free
 * (their profile's `availability`) falls between now and the end of the day it is needed by, as
 * people in Wales count days and hours (Europe/London, calendar-days.ts). A part of today counts
 * while some of it is left. Parts of the day are the hours below; the sign-up asks for them in
 * words, so these are the hours those words are taken to mean.
 *
 * | part      | hours         |
 * | --------- | ------------- |
 * | morning   | 08:00 – 12:00 |
 * | afternoon | 12:00 – 17:00 |
 * | evening   | 17:00 – 21:00 |
 *
 * A request already overdue, or due today with no part of today left, is needed as soon as
 * possible: the window runs to the end of tomorrow.
 *
 * The window is a mask of 21 bits (7 days × 3 parts), made once per request; each volunteer's
 * availability is a mask too, so the rule is one `&` per volunteer, with nothing allocated.
 */
import { daysBetween, londonDate } from '../calendar-days.ts';
import { partsOfDay, weekdays, type VolunteerDoc } from '../people/volunteer-doc.ts';

type PartOfDay = (typeof partsOfDay)[number];

export const partEndsAt: Record<PartOfDay, number> = { morning: 12, afternoon: 17, evening: 21 };

const hourInLondon = new Intl.DateTimeFormat('en', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The hour (0–23) in Europe/London at `instant`. */
export function londonHour(instant: string): number {
  return Number(hourInLondon.format(new Date(instant)));
}

/** Monday 0 … Sunday 6 for a calendar date (YYYY-MM-DD), as `weekdays` orders them. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

const bit = (day: number, part: number) => 1 << (day * partsOfDay.length + part);

/** The slots between `now` and the end of `neededBy`'s day (or tomorrow, when none is left). */
export function windowMask(now: string, neededBy: string): number {
  const today = londonDate(now);
  const hour = londonHour(now);
  const todayIndex = weekdayIndex(today);
  const maskFor = (lastDay: number) => {
    let mask = 0;
    // A week and a day at most: by then every slot is in, and today's passed parts come round again.
    for (let d = 0; d <= Math.min(lastDay, 7); d++) {
      const day = (todayIndex + d) % 7;
      partsOfDay.forEach((part, p) => {
        if (d > 0 || partEndsAt[part] > hour) mask |= bit(day, p);
      });
    }
    return mask;
  };
  const inTime = maskFor(daysBetween(today, neededBy));
  return inTime !== 0 ? inTime : maskFor(1);
}

const dayIndex = Object.fromEntries(weekdays.map((d, i) => [d, i])) as Record<string, number>;
const partIndex = Object.fromEntries(partsOfDay.map((p, i) => [p, i])) as Record<string, number>;

/** The slots a volunteer said they are free. */
export function availabilityMask(availability: VolunteerDoc['availability']): number {
  let parts = 0;
  for (const part of availability.parts_of_day) parts |= 1 << (partIndex[part] ?? 0);
  let mask = 0;
  for (const day of availability.days) mask |= parts << ((dayIndex[day] ?? 0) * partsOfDay.length);
  return mask;
}
