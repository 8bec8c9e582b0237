/**
 * The tiles around a volunteer's day, kept from the staff home while there is a signal: a
 * volunteer who opens the app in town and the route only later, in a valley with none, still has
 * its map (issue "The volunteer's day and the map": tiles "around their tasks" are cached). The
 * route page keeps the same tiles when it opens (RouteMap.svelte); this does it sooner, and again
 * whenever the day's stops change as tasks sync in or the signal comes back. Loaded only once the
 * home has shown (a dynamic import), so none of it is in a volunteer's first load.
 */
import { liveQuery } from 'dexie';
import type { GeoPoint } from '#domain/matching/geo-point.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { volunteerProfile } from '../data/volunteers/profile-queries.ts';
import { dayRoute } from '../data/volunteers/route-stops.ts';
import type { ReadModelDb } from '../data/read-model-handle.ts';
import { workUser } from '../work/work-user.ts';
import { keepRouteTiles, routeMapSize } from './keep-tiles.ts';
import { tileSource } from './tile-source.ts';

/** The points the route map shows (its start, then each stop), as one comparable key. */
async function dayPoints(model: ReadModelDb, userId: string, now: string): Promise<GeoPoint[]> {
  const profile = await volunteerProfile(model, userId);
  const user: StaffUser = workUser({ role: 'volunteer', areas: [] }, userId, profile);
  const day = await dayRoute(model, user, profile, null, now);
  if (!day.start || !day.route) return [];
  return [day.start, ...day.route.stops.map((s) => ({ lat: s.lat, lon: s.lon }))];
}

const keyOf = (points: GeoPoint[]) => points.map((p) => `${p.lat},${p.lon}`).join(';');

/**
 * Follows the volunteer's day on this device and keeps its tiles; returns the way to stop. Each
 * keep fetches only the tiles the cache lacks (keep-tiles.ts), so repeating it costs nothing;
 * `onKept` hears how many it fetched each time.
 */
export function keepDayTiles(
  model: ReadModelDb,
  userId: string,
  onKept: (fetched: number) => void = () => {},
): () => void {
  let points: GeoPoint[] = [];
  let keptFor = '';
  const keep = async () => {
    const key = keyOf(points);
    if (points.length === 0 || key === keptFor || !navigator.onLine) return;
    const source = await tileSource();
    if (!source) return;
    keptFor = key;
    // A map never drawn on this device is assumed as wide as the page's column.
    const fetched = await keepRouteTiles(source, points, routeMapSize()).catch(() => -1);
    if (fetched < 0) keptFor = '';
    else onKept(fetched);
  };
  const subscription = liveQuery(() =>
    dayPoints(model, userId, new Date().toISOString()),
  ).subscribe({
    next: (found) => {
      points = found;
      void keep();
    },
    error: (error: unknown) => console.error('keeping the day’s tiles failed', error),
  });
  const online = () => {
    keptFor = '';
    void keep();
  };
  addEventListener('online', online);
  return () => {
    subscription.unsubscribe();
    removeEventListener('online', online);
  };
}
