/**
 * Why a volunteer is where they are in the list, as codes with their numbers, for the desk to say
 * in words (`matching.reasons.<code>` in the `matching` locale files, counted where a number appears).
 * Hard rules are said by their own code (`matching.ineligible.<code>`). Made for the rows shown
 * only, not for every candidate ranked.
 */
import { daysBetween, londonDate } from '../calendar-days.ts';
import type { MatchRequest } from './eligibility.ts';
import type { RankedVolunteer } from './rank.ts';

export type MatchReason =
  | { code: 'distance'; km: number }
  | { code: 'distance_unknown' }
  | { code: 'speaks_welsh' }
  | { code: 'no_welsh' }
  | { code: 'open_tasks'; count: number }
  | { code: 'last_assigned'; days: number }
  | { code: 'never_assigned' };

export type MatchReasonCode = MatchReason['code'];

/** Kilometres as shown: whole ones from 10 up, one decimal below (`2.4 km`), 0 under 100 metres. */
export function shownKm(km: number): number {
  if (km < 0.1) return 0;
  return km >= 10 ? Math.round(km) : Math.round(km * 10) / 10;
}

/** The reasons for one ranked volunteer at `now` (ISO), in the table's order (rank.ts). */
export function matchReasons(
  entry: RankedVolunteer,
  request: Pick<MatchRequest, 'prefers_welsh'>,
  now: string,
): MatchReason[] {
  const c = entry.candidate;
  const reasons: MatchReason[] = [
    entry.distance_km === null
      ? { code: 'distance_unknown' }
      : { code: 'distance', km: shownKm(entry.distance_km) },
  ];
  if (request.prefers_welsh) reasons.push({ code: c.speaks_welsh ? 'speaks_welsh' : 'no_welsh' });
  reasons.push({ code: 'open_tasks', count: c.open_tasks });
  reasons.push(
    c.last_assigned_at === null
      ? { code: 'never_assigned' }
      : {
          code: 'last_assigned',
          days: Math.max(0, daysBetween(londonDate(c.last_assigned_at), londonDate(now))),
        },
  );
  return reasons;
}

/** Every reason's code, in the table's order. */
export const matchReasonCodes = [
  'distance',
  'distance_unknown',
  'speaks_welsh',
  'no_welsh',
  'open_tasks',
  'last_assigned',
  'never_assigned',
] as const satisfies readonly MatchReasonCode[];

/** The locale key of a reason and the count it is said with, if any (`matching.reasons.*`). */
export function reasonText(reason: MatchReason): { key: string; count?: number } {
  const key = `matching.reasons.${reason.code}`;
  switch (reason.code) {
    case 'distance':
      return { key, count: reason.km };
    case 'open_tasks':
      return { key, count: reason.count };
    case 'last_assigned':
      return { key, count: reason.days };
    default:
      return { key };
  }
}
