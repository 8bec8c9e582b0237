/**
 * The real sync server for integration tests: `createApp` on real PouchDB/LevelDB in a temporary
 * data directory (or, with `storage: 'couchdb'`, on a CouchDB stand-in reached as `COUCHDB_URL`
 * would be), listening on a free port, serving the static fixture. Suites that must hold on both
 * storages run under `forEachStorage` (storages.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type AppOptions } from '../../../sync-server/app.ts';
import { listen, type RunningServer } from '../../../sync-server/http/listen.ts';
import { openPouchStorage } from '../../../sync-server/storage/pouch-storage.ts';
import type { Storage } from '../../../sync-server/storage/storage.ts';
import { t0 } from '../factories.ts';
import { startCouchStandIn, type CouchStandIn } from './couch-stand-in.ts';
import {
  startGeocoding,
  type GeocodeWorker,
  type GeocodingOptions,
} from '../../../sync-server/geo/geocode-worker.ts';
import {
  startNotify,
  type NotifyOptions,
  type NotifyWorker,
} from '../../../sync-server/notify/notify-worker.ts';
import { defaultStorageKind, type StorageKind } from './storages.ts';
import { writeStaticFixture } from './static-fixture.ts';

export type TestServer = {
  url: string;
  port: number;
  storage: Storage;
  /** The storage's location: the data directory, or the CouchDB URL (with credentials). */
  location: string;
  /** The CouchDB stand-in holding the data, when on CouchDB: to make it refuse or vanish. */
  couch?: CouchStandIn;
  /** The geocoding worker, when started with `geocoding`. */
  geocoding?: GeocodeWorker;
  /** The residents' messages worker, when started with `notifying`. */
  notifying?: NotifyWorker;
  /** The server goes away (connections refused, as with no signal), its data kept. */
  stopListening(): Promise<void>;
  /** Back on the same port and data, as after a restart. */
  listenAgain(): Promise<void>;
  close(): Promise<void>;
};

export type TestServerOptions = Partial<Omit<AppOptions, 'storage' | 'staticDir'>> & {
  /** Wraps the real storage, e.g. to make a write fail as a crash would. */
  wrapStorage?: (storage: Storage) => Storage;
  /** LevelDB in a temporary directory, or a fresh CouchDB stand-in; `defaultStorageKind()` if unset. */
  storage?: StorageKind;
  /** The CouchDB URL of another test server, to start a second instance on its databases. */
  sharing?: string;
  /** Starts the geocoding worker (as start.ts does) with this source, on the server's clock. */
  geocoding?: Omit<GeocodingOptions, 'storage' | 'geocoder'> & {
    geocoder: GeocodingOptions['geocoder'] | ((storage: Storage) => GeocodingOptions['geocoder']);
  };
  /** Starts the residents' messages worker (as start.ts does), its settings given to the app too. */
  notifying?: Omit<NotifyOptions, 'storage'>;
};

/**
 * The test documents live in January 2030 (`t0` of tests/support/factories.ts), and the
 * server refuses writes stamped far ahead of its clock (`clock_ahead`). So a server started without
 * a clock gets this one: time moving as usual, from a day after `t0`.
 */
export function worldClock(): () => Date {
  const offset = Date.parse(t0) + 86_400_000 - Date.now();
  return () => new Date(Date.now() + offset);
}

/** A fresh, empty place for a test server's data, and how to remove it afterwards. */
export async function testStorageLocation(root: string, kind: StorageKind = defaultStorageKind()) {
  let couch: CouchStandIn | undefined;
  if (kind === 'couchdb') couch = await startCouchStandIn();
  return {
    location: couch?.url ?? path.join(root, 'data'),
    couch,
    remove: async () => {
      await couch?.close();
    },
  };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const {
    wrapStorage,
    storage: kind,
    sharing,
    geocoding: geo,
    notifying: tell,
    ...appOptions
  } = options;
  const root = await mkdtemp(path.join(tmpdir(), 'cymorth-it-'));
  const staticDir = await writeStaticFixture(root);
  const place = sharing
    ? { location: sharing, couch: undefined, remove: () => Promise.resolve() }
    : await testStorageLocation(root, kind);
  const storage = await openPouchStorage(place.location);
  const now = appOptions.now ?? worldClock();
  const app = createApp({
    // High by default so only the rate-limit tests ever meet the limit.
    rateLimitPerMinute: 10_000,
    trustedProxies: 0,
    ...appOptions,
    ...(tell ? { notify: tell.settings } : {}),
    now,
    storage: wrapStorage ? wrapStorage(storage) : storage,
    staticDir,
  });
  const geocoding = geo
    ? startGeocoding({
        now,
        ...geo,
        storage,
        geocoder: typeof geo.geocoder === 'function' ? geo.geocoder(storage) : geo.geocoder,
      })
    : undefined;
  const notifying = tell ? startNotify({ now, ...tell, storage }) : undefined;
  // As start.ts: it knows where it follows from before anything can be written.
  await notifying?.ready;
  let server: RunningServer | null = await listen(app, 0, '127.0.0.1');
  const port = server.port;
  // Short: a refused body is drained a moment after its answer, which would hold `close` open.
  const stopListening = async () => {
    await server?.close(250);
    server = null;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    storage,
    location: place.location,
    couch: place.couch,
    geocoding,
    notifying,
    stopListening,
    listenAgain: async () => {
      server ??= await listen(app, port, '127.0.0.1');
    },
    close: async () => {
      await stopListening();
      await geocoding?.stop();
      await notifying?.stop();
      await storage.close();
      await place.remove();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** How many documents of each kind are stored, in both databases. */
export async function countDocs(storage: Storage) {
  const [request, contact, event, receipt, ref] = await Promise.all([
    storage.replicated.idsWithPrefix('request:'),
    storage.replicated.idsWithPrefix('contact:'),
    storage.replicated.idsWithPrefix('event:'),
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
    event: event.length,
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
