/**
 * Route ordering over random days of stops (seeded, so a failure names the seed to replay): the
 * shortest route for up to 8 stops, against every order tried; beyond, never longer than plain
 * nearest-neighbour and close to the true shortest where Held–Karp can still find it; always
 * every stop once, legs that add up, and the same route whatever order the stops came in.
 */
import { describe, expect, it } from 'vitest';
import { orderStops, type Route } from '#domain/routing/order-stops.ts';
import type { RouteStop } from '#domain/routing/route-input.ts';
import { forSeeds, type Random } from '../../../support/seeded-random.ts';
import {
  bruteForceMetres,
  heldKarpMetres,
  lengthOf,
  metresBetween,
  nearestNeighbourMetres,
  randomStart,
  randomStops,
} from './route-oracles.ts';

/** Rounding: sums of the same legs taken in another order may differ in the last bits. */
const slack = (metres: number) => metres * 1e-12 + 1e-9;

function routed(random: Random, count: number) {
  const start = randomStart(random);
  const stops = randomStops(random, count);
  const result = orderStops(start, stops);
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return { start, stops, route: result.route };
}

function expectWellFormed(
  start: RouteStop | { lat: number; lon: number },
  stops: RouteStop[],
  route: Route<RouteStop>,
) {
  expect(new Set(route.stops)).toEqual(new Set(stops));
  expect(route.stops).toHaveLength(stops.length);
  expect(route.legMetres).toEqual(
    route.stops.map((stop, i) => metresBetween(i === 0 ? start : route.stops[i - 1]!, stop)),
  );
  expect(route.totalMetres).toBeCloseTo(lengthOf(start, route.stops), 6);
}

describe('route ordering (properties)', () => {
  for (let count = 0; count <= 8; count++) {
    it(`is the shortest route for ${count} stops, as every order tried finds`, () => {
      forSeeds(count === 8 ? 25 : 60, 1000 * count, (random) => {
        const { start, stops, route } = routed(random, count);
        const shortest = bruteForceMetres(start, stops);
        expect(route.totalMetres).toBeLessThanOrEqual(shortest + slack(shortest));
        expectWellFormed(start, stops, route);
      });
    });
  }

  it('is never longer than plain nearest-neighbour, for 9 to 40 stops', () => {
    let shorter = 0;
    for (let count = 9; count <= 40; count++) {
      forSeeds(8, 1000 * count, (random) => {
        const { start, stops, route } = routed(random, count);
        const nearest = nearestNeighbourMetres(start, stops);
        expect(route.totalMetres).toBeLessThanOrEqual(nearest + slack(nearest));
        if (route.totalMetres < nearest - 1) shorter++;
        expectWellFormed(start, stops, route);
      });
    }
    // The local search earns its keep: most days it finds a shorter route than nearest-neighbour.
    expect(shorter).toBeGreaterThan((32 * 8) / 2);
  });

  it('is within 1% of the shortest route for 9 to 12 stops, as Held–Karp finds it', () => {
    for (let count = 9; count <= 12; count++) {
      forSeeds(10, 1000 * count, (random) => {
        const { start, stops, route } = routed(random, count);
        const shortest = heldKarpMetres(start, stops);
        expect(route.totalMetres).toBeGreaterThanOrEqual(shortest - slack(shortest));
        expect(route.totalMetres).toBeLessThanOrEqual(shortest * 1.01);
      });
    }
  });

  it('gives the same route whatever order the stops come in, equally short routes included', () => {
    for (const count of [2, 5, 8, 9, 25]) {
      forSeeds(20, 1000 * count, (random) => {
        const { start, stops, route } = routed(random, count);
        const again = orderStops(start, random.shuffle(stops));
        expect(again.ok && again.route.stops.map((s) => s.id)).toEqual(
          route.stops.map((s) => s.id),
        );
      });
    }
  });
});
