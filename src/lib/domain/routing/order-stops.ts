/**
 * The order of a volunteer's stops for the day: the shortest open path from where they start
 * through every stop (they need not come back), with each leg's length so a screen can say
 * "3.2 km". Exact up to 8 stops; beyond, a local search that is never longer than going to the
 * nearest stop each time (docs/architecture.md, "Route ordering"). Pure and deterministic: the
 * same start and stops give the same route, whatever order the stops came in.
 */
import type { GeoPoint } from '../matching/geo-point.ts';
import { distanceMatrix, pathMetres } from './distance-matrix.ts';
import { exactPath, exactStopsMax } from './exact-path.ts';
import { improvedPath } from './improved-path.ts';
import { routeInputProblem, type RouteProblem, type RouteStop } from './route-input.ts';

export type Route<S extends RouteStop> = {
  /** The stops in visiting order. */
  stops: S[];
  /** Metres of each leg: `legMetres[i]` is from the stop before (or the start) to `stops[i]`. */
  legMetres: number[];
  totalMetres: number;
};

export type RouteResult<S extends RouteStop> =
  { ok: true; route: Route<S> } | ({ ok: false } & RouteProblem);

export function orderStops<S extends RouteStop>(
  start: GeoPoint,
  stops: readonly S[],
): RouteResult<S> {
  const problem = routeInputProblem(start, stops);
  if (problem !== null) return { ok: false, ...problem };
  // Worked on in order of id, so that which of two equally short routes is chosen depends on the
  // stops alone, never on the order a query happened to return them in.
  const byId = [...stops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const matrix = distanceMatrix([start, ...byId]);
  const path = byId.length <= exactStopsMax ? exactPath(matrix) : improvedPath(matrix);
  const visits = path.slice(1);
  return {
    ok: true,
    route: {
      stops: visits.map((point) => byId[point - 1]!),
      legMetres: visits.map((point, i) => matrix.metres[path[i]! * matrix.size + point]!),
      totalMetres: pathMetres(matrix, path),
    },
  };
}
