/**
 * Route ordering by example: the routes a person can check by eye, how a tie is settled, and the
 * input it refuses with a code rather than a crash or a route through a point not on Earth.
 */
import { describe, expect, it } from 'vitest';
import { orderStops } from '#domain/routing/order-stops.ts';
import { maxStops, type RouteStop } from '#domain/routing/route-input.ts';
import { seededRandom } from '../../../support/seeded-random.ts';
import { randomStart, randomStops } from './route-oracles.ts';

const base = { lat: 52.4, lon: -4.08 };
/** A stop `km` kilometres north (or south, when negative) of the base: 1° of latitude is 111.2 km. */
const north = (id: string, km: number): RouteStop => ({
  id,
  lat: base.lat + km / 111.195,
  lon: base.lon,
});
const ids = (result: ReturnType<typeof orderStops>) =>
  result.ok ? result.route.stops.map((s) => s.id) : result.problem;

describe('orderStops', () => {
  it('has nothing to do for no stops', () => {
    expect(orderStops(base, [])).toEqual({
      ok: true,
      route: { stops: [], legMetres: [], totalMetres: 0 },
    });
  });

  it('goes up a valley in order, however the stops were listed, with each leg measured', () => {
    const result = orderStops(base, [north('c', 3), north('a', 1), north('b', 2)]);
    expect(ids(result)).toEqual(['a', 'b', 'c']);
    if (!result.ok) return;
    for (const leg of result.route.legMetres) expect(leg).toBeCloseTo(1000, -1);
    expect(result.route.totalMetres).toBeCloseTo(3000, -1);
  });

  it('does the short side first, though the nearest stop is on the long one', () => {
    // Nearest first: 1 km north, 3 km back south past the base, then 12 km north again: 16 km.
    // The short side first: 2 km south, then 3 km and 9 km north: 14 km.
    const result = orderStops(base, [north('near', 1), north('south', -2), north('far', 10)]);
    expect(ids(result)).toEqual(['south', 'near', 'far']);
    expect(result.ok && result.route.totalMetres).toBeCloseTo(14_000, -1);
  });

  it('settles a tie by the stops’ ids, not the order they came in', () => {
    const east = { lat: base.lat, lon: base.lon + 0.01 };
    const west = { lat: base.lat, lon: base.lon - 0.01 };
    expect(
      ids(
        orderStops(base, [
          { id: 'b', ...east },
          { id: 'a', ...west },
        ]),
      ),
    ).toEqual(['a', 'b']);
    expect(
      ids(
        orderStops(base, [
          { id: 'a', ...west },
          { id: 'b', ...east },
        ]),
      ),
    ).toEqual(['a', 'b']);
    expect(
      ids(
        orderStops(base, [
          { id: 'a', ...east },
          { id: 'b', ...west },
        ]),
      ),
    ).toEqual(['a', 'b']);
  });

  it('hands back the caller’s own stops, with whatever else they carry', () => {
    const stop = { ...north('r1', 1), reference: 'CYM-1234' };
    const result = orderStops(base, [stop]);
    expect(result.ok && result.route.stops[0]).toBe(stop);
  });

  it('orders as many stops as it takes', () => {
    const random = seededRandom(7);
    const result = orderStops(randomStart(random), randomStops(random, maxStops));
    expect(result.ok && result.route.stops).toHaveLength(maxStops);
  });

  describe('refuses', () => {
    it('a start that is not a point on Earth', () => {
      for (const start of [
        { lat: Number.NaN, lon: -4 },
        { lat: 52, lon: Number.POSITIVE_INFINITY },
        { lat: 91, lon: -4 },
      ])
        expect(orderStops(start, [north('a', 1)])).toEqual({ ok: false, problem: 'invalid_start' });
    });

    it('a stop that is not, naming it', () => {
      for (const bad of [
        { lat: Number.NaN, lon: -4 },
        { lat: 52, lon: Number.NEGATIVE_INFINITY },
        { lat: 52, lon: 181 },
        { lat: '52', lon: -4 } as unknown as { lat: number; lon: number },
      ])
        expect(orderStops(base, [north('a', 1), { id: 'b', ...bad }])).toEqual({
          ok: false,
          problem: 'invalid_stop',
          id: 'b',
        });
    });

    it('one stop given twice, naming it', () => {
      expect(orderStops(base, [north('a', 1), north('b', 2), north('a', 3)])).toEqual({
        ok: false,
        problem: 'duplicate_stop',
        id: 'a',
      });
    });

    it(`more than ${maxStops} stops`, () => {
      const stops = Array.from({ length: maxStops + 1 }, (_, i) => north(`s${i}`, i / 10));
      expect(orderStops(base, stops)).toEqual({
        ok: false,
        problem: 'too_many_stops',
        max: maxStops,
      });
    });
  });
});
