/**
 * Volunteers for a request, best first: the hard rules decide who is eligible at all
 * (eligibility.ts); the eligible are then ranked by points against them, fewest first, ties broken
 * by user id so every device shows the same order. The points spread work: a near volunteer with a
 * full hand can rank below one further away with none.
 *
 * | factor                                | points                                              |
 * | ------------------------------------- | --------------------------------------------------- |
 * | distance from their base              | 2 a km, up to `distanceCapKm`; unknown counts as the cap |
 * | resident prefers Welsh, they speak none | 40 (as much as 20 km)                             |
 * | open tasks                            | 15 each                                             |
 * | given a task in the last week         | 20, falling to 0 over the 7 days                    |
 *
 * One request is ranked against thousands of volunteers on a laptop: the window of time is made
 * once (availability-window.ts), each candidate costs a few sums and one small object, and the sort
 * is O(n log n). Reasons in words are made only for the rows shown (match-reasons.ts).
 */
import { haversineKm } from './geo-point.ts';
import { windowMask } from './availability-window.ts';
import {
  brokenRule,
  type HardRule,
  type MatchRequest,
  type VolunteerCandidate,
} from './eligibility.ts';

export const distanceCapKm = 40;
export const pointsPerKm = 2;
export const noWelshPoints = 40;
export const pointsPerOpenTask = 15;
export const recentWorkPoints = 20;
export const recentWorkMs = 7 * 86_400_000;

export type RankedVolunteer = {
  candidate: VolunteerCandidate;
  /** Points against; fewest first. */
  points: number;
  /** Kilometres from their base to the request; null when either place is unknown. */
  distance_km: number | null;
};

export type IneligibleVolunteer = { candidate: VolunteerCandidate; reason: HardRule };

export type Matching = { ranked: RankedVolunteer[]; ineligible: IneligibleVolunteer[] };

/**
 * Points for having been given work at `lastAssignedAt`, as of `nowMs`. `weekAgo` is the ISO
 * instant a week before: stored instants are ISO strings in UTC, which sort as they read, so most
 * volunteers are settled by comparing strings, without parsing a date.
 */
export function recencyPoints(
  lastAssignedAt: string | null,
  nowMs: number,
  weekAgo: string,
): number {
  if (lastAssignedAt === null || lastAssignedAt <= weekAgo) return 0;
  const since = Math.max(0, nowMs - Date.parse(lastAssignedAt));
  return since >= recentWorkMs ? 0 : recentWorkPoints * (1 - since / recentWorkMs);
}

function rankedOf(
  c: VolunteerCandidate,
  request: MatchRequest,
  nowMs: number,
  weekAgo: string,
): RankedVolunteer {
  const distance =
    c.base === null || request.point === null ? null : haversineKm(c.base, request.point);
  const km = distance === null ? distanceCapKm : Math.min(distance, distanceCapKm);
  const welsh = request.prefers_welsh && !c.speaks_welsh ? noWelshPoints : 0;
  const points =
    pointsPerKm * km +
    welsh +
    pointsPerOpenTask * c.open_tasks +
    recencyPoints(c.last_assigned_at, nowMs, weekAgo);
  return { candidate: c, points, distance_km: distance };
}

function byPointsThenId(a: RankedVolunteer, b: RankedVolunteer): number {
  if (a.points !== b.points) return a.points - b.points;
  return a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0;
}

/** Every candidate, eligible and ranked or ineligible with the first rule broken, at `now` (ISO). */
export function rankVolunteers(
  request: MatchRequest,
  candidates: readonly VolunteerCandidate[],
  now: string,
): Matching {
  const window = windowMask(now, request.needed_by);
  const nowMs = Date.parse(now);
  const weekAgo = new Date(nowMs - recentWorkMs).toISOString();
  const ranked: RankedVolunteer[] = [];
  const ineligible: IneligibleVolunteer[] = [];
  for (const c of candidates) {
    const reason = brokenRule(c, request, window);
    if (reason === null) ranked.push(rankedOf(c, request, nowMs, weekAgo));
    else ineligible.push({ candidate: c, reason });
  }
  ranked.sort(byPointsThenId);
  return { ranked, ineligible };
}
