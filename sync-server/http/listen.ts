/**
 * Putting an app on a port and taking it off again cleanly: used by `start.ts` and by the
 * integration tests (port 0 picks a free one).
 *
 * Closing drains: no new connections, idle keep-alive sockets closed at once, open requests given
 * `graceMs`, then their sockets cut (which aborts a held longpoll through its request's signal).
 * A cut socket does not stop the handler behind it, though: it may still be awaiting the database.
 * So `close` also waits for every handler still running to settle, and only then resolves, so the
 * caller can close storage without a late `_local` read finding the database closed.
 */
import { STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ApiError } from '#domain/api-errors.ts';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export type RunningServer = {
  port: number;
  /** The address the socket is bound to, as the system reports it (`0.0.0.0`, `127.0.0.1`, …). */
  address: string;
  /** Stops accepting connections and waits for open requests, at most `graceMs` before cutting. */
  close(graceMs?: number): Promise<void>;
};

type HttpServer = import('node:http').Server;

/** After sockets are cut, how long handlers still running get to settle before `close` gives up. */
const settleMs = 5_000;

export function listen(app: Hono, port: number, host: string): Promise<RunningServer> {
  const running = new Set<Promise<unknown>>();
  const fetch: typeof app.fetch = (request, ...rest) => {
    const handled = Promise.resolve(app.fetch(request, ...rest));
    const settled = handled.catch(() => undefined).finally(() => running.delete(settled));
    running.add(settled);
    return handled;
  };
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        address: info.address,
        close: async (graceMs) => {
          await closeServer(server, graceMs);
          await settle(running);
        },
      });
    }) as HttpServer;
    server.on('clientError', answerUnparsed);
    server.once('error', reject);
  });
}

/**
 * A request Node's parser refuses before the app sees it (headers or address over Node's 16 KB,
 * a malformed request line) still gets the one error shape, as JSON (api-error.ts), not Node's
 * bare status line: found by the fuzz suite.
 */
function answerUnparsed(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body: ApiError = tooLarge
    ? { error: 'payload_too_large', reason: 'The address or headers are too long.' }
    : { error: 'invalid_request', reason: 'The request could not be read.' };
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
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

async function settle(running: Set<Promise<unknown>>): Promise<void> {
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, settleMs).unref());
  while (running.size > 0) {
    const outcome = await Promise.race([Promise.all(running).then(() => 'done'), deadline]);
    if (outcome !== 'done') return;
  }
}
