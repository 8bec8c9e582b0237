/**
 * A storage error mid-request is answered in the one error shape, 503 while storage refuses or
 * cannot be reached and 500 otherwise, and logged as one line holding neither personal data nor
 * credentials. PouchDB's http adapter rejects with plain objects, which Hono's `onError` never sees:
 * they used to leave as an empty 500 that nobody logged.
 */
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Storage } from '../../../sync-server/storage/storage.ts';
import { couchPassword } from '../../support/server/couch-stand-in.ts';
import type { Refusal } from '../../support/server/couch-refusals.ts';
import { foodSubmission } from '../../support/server/submission-fixtures.ts';
import { postJson, startTestServer, type TestServer } from '../../support/server/test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

const submission = foodSubmission();
const personal = ['Siân', 'Jones', '07700', 'Heol y Frenhines', 'cf10'];

async function submitFailing(s: TestServer, log: MockInstance) {
  const res = await postJson(s, submission);
  const body = (await res.json()) as unknown;
  expect(body).toEqual({ error: 'internal', reason: expect.any(String) as string });
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(log).toHaveBeenCalledTimes(1);
  const line = log.mock.calls[0]?.map(String).join(' ') ?? '';
  expect(line).not.toContain('\n');
  for (const secret of [couchPassword, encodeURIComponent(couchPassword), ...personal]) {
    expect(line).not.toContain(secret);
  }
  return { status: res.status, line };
}

describe('a storage error on CouchDB', () => {
  it.each<[Refusal, RegExp]>([
    ['failing', /^POST \/api\/requests: storage refused: HTTP 500 timeout \(/],
    ['locked_out', /^POST \/api\/requests: storage refused: HTTP 403 forbidden \(Account is/],
    ['bad_credentials', /^POST \/api\/requests: storage refused: HTTP 401 unauthorized/],
    ['dropping', /^POST \/api\/requests: storage unreachable: /],
  ])('is a logged 503 while CouchDB refuses (%s)', async (refusal, logged) => {
    server = await startTestServer({ storage: 'couchdb' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    server.couch?.refuse(refusal);
    const { status, line } = await submitFailing(server, log);
    expect(status).toBe(503);
    expect(line).toMatch(logged);
  });
});

/** Storage whose request writes fail as PouchDB's http adapter fails: with a plain object. */
function badRequestOnWrite(storage: Storage): Storage {
  const couchError = { status: 400, name: 'bad_request', message: 'Invalid rev format' };
  const replicated = { ...storage.replicated, putIfAbsent: () => Promise.reject(couchError) };
  return { ...storage, replicated: Object.setPrototypeOf(replicated, storage.replicated) };
}

describe('a storage error that is no refusal', () => {
  it('is a logged 500', async () => {
    server = await startTestServer({ storage: 'leveldb', wrapStorage: badRequestOnWrite });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { status, line } = await submitFailing(server, log);
    expect(status).toBe(500);
    expect(line).toBe(
      'POST /api/requests: storage failed: HTTP 400 bad_request (Invalid rev format)',
    );
  });
});

describe('a storage error on LevelDB', () => {
  it('is a logged 503 once the database is closed', async () => {
    server = await startTestServer({ storage: 'leveldb' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await server.storage.serverOnly.close();
    const { status, line } = await submitFailing(server, log);
    expect(status).toBe(503);
    expect(line).toBe('POST /api/requests: storage closed');
    // Closed above: the server's own close must not close it again.
    server.storage.serverOnly.close = () => Promise.resolve();
  });
});
