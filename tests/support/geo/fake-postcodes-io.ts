/**
 * A local stand-in for a postcodes.io service: a real HTTP server on a random port answering
 * `GET /postcodes/:postcode` and `GET /outcodes/:outcode` in postcodes.io's envelope
 * (`{ status: 200, result: { postcode, latitude, longitude, … } }`, `{ status: 404, error }`), from
 * the points it is given. It can go away and come back on the same port (`down`, `up`), as a
 * service restarting would, and counts what it was asked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Point = { lat: number; lon: number };

export type FakePostcodesIo = {
  url: string;
  asked: string[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
};

const compact = (s: string) => decodeURIComponent(s).replace(/\s+/g, '').toUpperCase();

export async function startFakePostcodesIo(
  postcodes: Record<string, Point>,
  outcodes: Record<string, Point>,
): Promise<FakePostcodesIo> {
  const units = new Map(Object.entries(postcodes).map(([k, p]) => [compact(k), { k, p }]));
  const districts = new Map(Object.entries(outcodes).map(([k, p]) => [compact(k), { k, p }]));
  const asked: string[] = [];
  const handler = createServer((req, res) => {
    asked.push(req.url ?? '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const match = /^\/(postcodes|outcodes)\/([^/?]+)$/.exec(req.url ?? '');
    if (req.method !== 'GET' || match === null) {
      return send(404, { status: 404, error: 'Resource not found' });
    }
    const [, kind, key = ''] = match;
    const found = (kind === 'postcodes' ? units : districts).get(compact(key));
    if (found === undefined) {
      const what = kind === 'postcodes' ? 'Postcode' : 'Outcode';
      return send(404, { status: 404, error: `${what} not found` });
    }
    const name = kind === 'postcodes' ? 'postcode' : 'outcode';
    return send(200, {
      status: 200,
      result: { [name]: found.k, latitude: found.p.lat, longitude: found.p.lon },
    });
  });
  let server: Server | null = handler;
  await new Promise<void>((resolve) => handler.listen(0, '127.0.0.1', resolve));
  const port = (handler.address() as AddressInfo).port;
  const down = async () => {
    const s = server;
    server = null;
    if (s === null) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}/`,
    asked,
    down,
    up: async () => {
      if (server !== null) return;
      server = handler;
      await new Promise<void>((resolve) => handler.listen(port, '127.0.0.1', resolve));
    },
    close: down,
  };
}
