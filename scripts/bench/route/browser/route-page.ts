/**
 * The route bench's page script, bundled by throttled-timing.ts: the days of stops made in the
 * page with the same seed as in Node, and `orderStops` timed on each with `performance.now()`
 * (Chromium coarsens it to 0.1 ms, far finer than what is measured).
 */
import { orderStops } from '#domain/routing/order-stops.ts';
import { routeDays } from '../route-days.ts';

export type RoutePage = {
  time(seed: number, days: number, stops: number, warmUp: number): number[];
};

const routePage: RoutePage = {
  time(seed, days, stops, warmUp) {
    const all = routeDays(seed, days, stops);
    for (const day of all.slice(0, warmUp)) orderStops(day.start, day.stops);
    return all.map((day) => {
      const t0 = performance.now();
      orderStops(day.start, day.stops);
      return performance.now() - t0;
    });
  },
};

(globalThis as unknown as { routeBench: RoutePage }).routeBench = routePage;
