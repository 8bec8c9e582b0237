/**
 * What route ordering is given, and what it refuses: a start (the volunteer's position, or their
 * base) and the stops of their day, each a point with an id the caller knows it by. Bad input is
 * answered with a code, never a crash or a route through a point that is not on Earth.
 */
import { isGeoPoint, type GeoPoint } from '../matching/geo-point.ts';

export type RouteStop = GeoPoint & { id: string };

/**
 * More stops than a day of volunteering could hold is a caller's mistake, not a route to work out;
 * the bound also keeps the search's cost (cubic in the stops at worst) small on an old phone.
 */
export const maxStops = 200;

export type RouteProblem =
  | { problem: 'invalid_start' }
  | { problem: 'invalid_stop'; id: string }
  | { problem: 'duplicate_stop'; id: string }
  | { problem: 'too_many_stops'; max: number };

/** The first thing wrong with the input, or null when a route can be worked out. */
export function routeInputProblem(
  start: GeoPoint,
  stops: readonly RouteStop[],
): RouteProblem | null {
  if (!isGeoPoint(start)) return { problem: 'invalid_start' };
  if (stops.length > maxStops) return { problem: 'too_many_stops', max: maxStops };
  const seen = new Set<string>();
  for (const { id, ...point } of stops) {
    if (!isGeoPoint(point)) return { problem: 'invalid_stop', id };
    if (seen.has(id)) return { problem: 'duplicate_stop', id };
    seen.add(id);
  }
  return null;
}
