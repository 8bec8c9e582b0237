/**
 * `GET /api/map/tiles`: the tile source the maps draw on (tile-source.ts). Not a secret, and a
 * map before sign-in shows nothing personal, so it needs no session.
 */
import { Hono } from 'hono';
import type { TileSource } from './tile-source.ts';

export function tileRoutes(source: TileSource): Hono {
  const routes = new Hono();
  routes.get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(source);
  });
  return routes;
}
