/**
 * What the routing properties check against, written the slow and obvious way and sharing no code
 * with src/lib/domain/routing/ but the distance itself: every order tried, Held–Karp's dynamic
 * programme (exact, for more stops than trying every order allows), and plain nearest-neighbour.
 * Also the random stops they run on.
 */
import { haversineKm, type GeoPoint } from '#domain/matching/geo-point.ts';
import type { RouteStop } from '#domain/routing/route-input.ts';
import type { Random } from '../../../support/seeded-random.ts';

export const metresBetween = (a: GeoPoint, b: GeoPoint) => haversineKm(a, b) * 1000;

export function lengthOf(start: GeoPoint, stops: readonly GeoPoint[]): number {
  let total = 0;
  stops.forEach((stop, i) => (total += metresBetween(i === 0 ? start : stops[i - 1]!, stop)));
  return total;
}

/** The shortest open path's length, by trying every order of the stops. */
export function bruteForceMetres(start: GeoPoint, stops: readonly GeoPoint[]): number {
  if (stops.length === 0) return 0;
  let best = Infinity;
  const visit = (at: GeoPoint, left: readonly GeoPoint[], sofar: number) => {
    if (left.length === 0) best = Math.min(best, sofar);
    left.forEach((next, i) =>
      visit(next, [...left.slice(0, i), ...left.slice(i + 1)], sofar + metresBetween(at, next)),
    );
  };
  visit(start, stops, 0);
  return best;
}

/**
 * The shortest open path's length by Held–Karp (https://en.wikipedia.org/wiki/Held%E2%80%93Karp_algorithm):
 * `shortest[set][last]` is the shortest path from the start through the stops in `set`, ending at `last`.
 */
export function heldKarpMetres(start: GeoPoint, stops: readonly GeoPoint[]): number {
  const n = stops.length;
  if (n === 0) return 0;
  const between = stops.map((a) => stops.map((b) => metresBetween(a, b)));
  const shortest = Array.from({ length: 1 << n }, () => new Array<number>(n).fill(Infinity));
  stops.forEach((stop, i) => (shortest[1 << i]![i] = metresBetween(start, stop)));
  for (let set = 1; set < 1 << n; set++) {
    for (let last = 0; last < n; last++) {
      const sofar = shortest[set]![last]!;
      if (sofar === Infinity) continue;
      for (let next = 0; next < n; next++) {
        if (set & (1 << next)) continue;
        const longer = sofar + between[last]![next]!;
        const row = shortest[set | (1 << next)]!;
        if (longer < row[next]!) row[next] = longer;
      }
    }
  }
  return Math.min(...shortest[(1 << n) - 1]!);
}

/** Always on to the nearest stop not yet visited. */
export function nearestNeighbourMetres(start: GeoPoint, stops: readonly GeoPoint[]): number {
  const left = [...stops];
  let at = start;
  let total = 0;
  while (left.length > 0) {
    const distances = left.map((s) => metresBetween(at, s));
    const i = distances.indexOf(Math.min(...distances));
    total += distances[i]!;
    at = left.splice(i, 1)[0]!;
  }
  return total;
}

/** A point in a 30 km square in mid Wales, where a volunteer's day could take them. */
const pointIn = (random: Random): GeoPoint => ({
  lat: 52.2 + random.next() * 0.27,
  lon: -4.1 + random.next() * 0.44,
});

/**
 * `count` stops with distinct ids in no particular order; one in five shares another's point (two
 * tasks at one address), so that equally short routes are common.
 */
export function randomStops(random: Random, count: number): RouteStop[] {
  const stops: RouteStop[] = [];
  for (let i = 0; i < count; i++) {
    const shared = stops.length > 0 && random.chance(0.2) ? random.pick(stops) : pointIn(random);
    stops.push({ id: random.uuid(), lat: shared.lat, lon: shared.lon });
  }
  return stops;
}

export const randomStart = pointIn;
