/**
 * `GET /healthz` tells a load balancer the truth about storage on both engines: 200 only while both
 * databases answer, 503 with the one error shape while storage refuses or cannot be reached. On
 * CouchDB a refusal used to pass, as PouchDB's http adapter resolves `info()` with the error body.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Refusal } from '../../support/server/couch-refusals.ts';
import { couchPassword } from '../../support/server/couch-stand-in.ts';
import { startTestServer, type TestServer } from '../../support/server/test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

async function health(s: TestServer) {
  const res = await fetch(`${s.url}/healthz`);
  return { status: res.status, body: (await res.json()) as unknown };
}

const unavailable = { error: 'internal', reason: expect.any(String) as string };

describe('/healthz on CouchDB', () => {
  it.each<[Refusal, string]>([
    ['bad_credentials', 'refused: HTTP 401 unauthorized (Name or password is incorrect.)'],
    ['locked_out', 'refused: HTTP 403 forbidden (Account is temporarily locked'],
    ['not_member', 'refused: HTTP 403 forbidden (You are not allowed to access this db.)'],
    ['failing', 'refused: HTTP 500 timeout'],
    ['dropping', 'unreachable: ECONNRESET'],
  ])(
    'is 503 while CouchDB refuses (%s), and 200 again once it answers',
    async (refusal, logged) => {
      server = await startTestServer({ storage: 'couchdb' });
      const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      expect((await health(server)).status).toBe(200);

      server.couch?.refuse(refusal);
      expect(await health(server)).toEqual({ status: 503, body: unavailable });
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]).toEqual([
        expect.stringContaining(`GET /healthz: storage ${logged}`),
      ]);
      expect(String(log.mock.calls[0]?.[0])).not.toContain(encodeURIComponent(couchPassword));

      server.couch?.refuse(null);
      expect(await health(server)).toEqual({ status: 200, body: { ok: true } });
    },
  );

  it('is 503 when CouchDB is gone', async () => {
    server = await startTestServer({ storage: 'couchdb' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await server.couch?.close();
    expect(await health(server)).toEqual({ status: 503, body: unavailable });
    expect(log.mock.calls).toEqual([['GET /healthz: storage unreachable: ECONNREFUSED']]);
  });
});

describe('/healthz on LevelDB', () => {
  it('is 503 once the database is closed', async () => {
    server = await startTestServer({ storage: 'leveldb' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await health(server)).status).toBe(200);
    await server.storage.replicated.close();
    expect(await health(server)).toEqual({ status: 503, body: unavailable });
    expect(log.mock.calls).toEqual([['GET /healthz: storage closed']]);
    // Closed above: the server's own close must not close it again.
    server.storage.replicated.close = () => Promise.resolve();
  });
});
