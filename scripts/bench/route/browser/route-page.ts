/**
 * The route bench's page script, bundled by throttled-timing.ts: `orderStops` timed on each day of
 * stops it is handed, with `performance.now()` (Chromium coarsens it to 0.1 ms, far finer than
 * what is measured).
 */
import type { GeoPoint } from '#domain/matching/geo-point.ts';
import { orderStops } from '#domain/routing/order-stops.ts';
import type { RouteStop } from '#domain/routing/route-input.ts';

export type RoutePage = {
  time(days: { start: GeoPoint; stops: RouteStop[] }[], warmUp: number): number[];
};

const routePage: RoutePage = {
  time(days, warmUp) {
    for (const day of days.slice(0, warmUp)) orderStops(day.start, day.stops);
    return days.map((day) => {
      const t0 = performance.now();
      orderStops(day.start, day.stops);
      return performance.now() - t0;
    });
  },
};

(globalThis as unknown as { routeBench: RoutePage }).routeBench = routePage;
