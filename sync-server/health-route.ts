/** `GET /healthz` for load balancers and start-up scripts: 200 only when both databases answer. */
import { Hono } from 'hono';
import { apiError, methodNotAllowed } from './api-error.ts';
import type { Storage } from './storage.ts';

export function healthRoute(storage: Storage): Hono {
  const route = new Hono();
  route.get('/', async (c) => {
    try {
      await Promise.all([storage.replicated.ping(), storage.serverOnly.ping()]);
    } catch (error) {
      console.error('healthz: storage did not answer', error);
      return apiError(c, 503, 'internal', 'Storage is not answering.');
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true }, 200);
  });
  route.all('/', methodNotAllowed(['GET', 'HEAD']));
  return route;
}
