/**
 * Putting an app on a port and taking it off again cleanly: used by `start.ts` and by the
 * integration tests (port 0 picks a free one).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export type RunningServer = {
  port: number;
  /** Stops accepting connections and waits for open requests, at most `graceMs`. */
  close(graceMs?: number): Promise<void>;
};

type HttpServer = import('node:http').Server;

export function listen(app: Hono, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      resolve({ port: info.port, close: (graceMs) => closeServer(server, graceMs) });
    }) as HttpServer;
    server.once('error', reject);
  });
}

function closeServer(server: HttpServer, graceMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close((error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
    // Idle keep-alive sockets would otherwise hold `close` open until they time out.
    server.closeIdleConnections();
  });
}
