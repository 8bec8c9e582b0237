/**
 * `GET /healthz` for load balancers and start-up scripts: 200 only when both databases answer, 503
 * (the one error shape) while storage refuses or cannot be reached, so a balancer stops sending
 * work to an instance whose CouchDB user is locked out as surely as to one whose CouchDB is down.
 */
import { Hono } from 'hono';
import { methodNotAllowed, storageUnavailable } from './api-error.ts';
import type { Storage } from '../storage/storage.ts';
import { storageFault } from '../storage/storage-fault.ts';

export function healthRoute(storage: Storage): Hono {
  const route = new Hono();
  route.get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await Promise.all([storage.replicated.ping(), storage.serverOnly.ping()]);
    } catch (error) {
      // Any failure here is storage's, whatever its shape: a ping does nothing else.
      const kind = error instanceof Error ? error.name : typeof error;
      const summary = storageFault(error)?.summary ?? `did not answer (${kind})`;
      console.error(`GET /healthz: storage ${summary}`);
      return storageUnavailable(c);
    }
    return c.json({ ok: true }, 200);
  });
  route.all('/', methodNotAllowed(['GET', 'HEAD']));
  return route;
}
