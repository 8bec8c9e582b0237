/**
 * The days of stops the route bench orders: a start and `count` stops scattered over a 30 km square
 * of mid Wales (about a volunteer's patch), drawn with the seeder's PRNG so every run orders the
 * same days.
 */
import type { GeoPoint } from '#domain/matching/geo-point.ts';
import type { RouteStop } from '#domain/routing/route-input.ts';
import { seededRandom, type Random } from '../../seed/random.ts';

export type Day = { start: GeoPoint; stops: RouteStop[] };

const pointIn = (random: Random): GeoPoint => ({
  lat: 52.2 + random.next() * 0.27,
  lon: -4.1 + random.next() * 0.44,
});

export function routeDays(seed: number, days: number, count: number): Day[] {
  const random = seededRandom(seed);
  return Array.from({ length: days }, () => ({
    start: pointIn(random),
    stops: Array.from({ length: count }, (_, i) => ({ id: `stop-${i}`, ...pointIn(random) })),
  }));
}
