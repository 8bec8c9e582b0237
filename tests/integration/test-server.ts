/**
 * The real sync server for integration tests: `createApp` on real PouchDB/LevelDB in a temporary
 * data directory, listening on a free port, serving the static fixture.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type AppOptions } from '../../sync-server/app.ts';
import { listen } from '../../sync-server/listen.ts';
import { openPouchStorage } from '../../sync-server/pouch-storage.ts';
import type { Storage } from '../../sync-server/storage.ts';
import { writeStaticFixture } from './static-fixture.ts';

export type TestServer = {
  url: string;
  port: number;
  storage: Storage;
  close(): Promise<void>;
};

export type TestServerOptions = Partial<Omit<AppOptions, 'storage' | 'staticDir'>> & {
  /** Wraps the real storage, e.g. to make a write fail as a crash would. */
  wrapStorage?: (storage: Storage) => Storage;
};

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { wrapStorage, ...appOptions } = options;
  const root = await mkdtemp(path.join(tmpdir(), 'cymorth-it-'));
  const staticDir = await writeStaticFixture(root);
  const storage = await openPouchStorage(path.join(root, 'data'));
  const app = createApp({
    // High by default so only the rate-limit tests ever meet the limit.
    rateLimitPerMinute: 10_000,
    trustProxy: false,
    ...appOptions,
    storage: wrapStorage ? wrapStorage(storage) : storage,
    staticDir,
  });
  const server = await listen(app, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${server.port}`,
    port: server.port,
    storage,
    close: async () => {
      // Short: a refused body is drained a moment after its answer, which would hold `close` open.
      await server.close(250);
      await storage.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** How many documents of each kind are stored, in both databases. */
export async function countDocs(storage: Storage) {
  const [request, contact, receipt, ref] = await Promise.all([
    storage.replicated.idsWithPrefix('request:'),
    storage.replicated.idsWithPrefix('contact:'),
    storage.serverOnly.idsWithPrefix('receipt:'),
    storage.serverOnly.idsWithPrefix('ref:'),
  ]);
  const [allReplicated, allServerOnly] = await Promise.all([
    storage.replicated.idsWithPrefix(''),
    storage.serverOnly.idsWithPrefix(''),
  ]);
  return {
    request: request.length,
    contact: contact.length,
    receipt: receipt.length,
    ref: ref.length,
    total: allReplicated.length + allServerOnly.length,
  };
}

export function postJson(server: TestServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
