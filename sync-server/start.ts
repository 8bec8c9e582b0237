/**
 * `tsx sync-server/start.ts`: the sync server with settings from the environment (see config.ts).
 * Over the demo data it listens on this computer only unless `HOST` is set (`listenHost`), and
 * says so. Stops cleanly on SIGINT/SIGTERM: no new connections, open requests finish, databases
 * close.
 */
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { createApp } from './app.ts';
import { listenHost, readConfig, storageLocation } from './config.ts';
import { listen } from './http/listen.ts';
import {
  describeLocation,
  openPouchStorage,
  StorageUnavailableError,
} from './storage/pouch-storage.ts';
import { holdsDemoData } from './storage/seed-info.ts';
import { startGeocoding } from './geo/geocode-worker.ts';
import { PostcodesIo } from './geo/postcodes-io.ts';
import { PostcodeTable } from './geo/postcode-table.ts';
import { startNotify } from './notify/notify-worker.ts';

const config = readConfig(process.env);
// DATA_DIR, or the CouchDB server of COUCHDB_URL (whose credentials are never printed).
const location = storageLocation(config);
const staticDir = path.resolve(config.staticDir);
const storage = await openPouchStorage(location).catch((error: unknown) => {
  if (!(error instanceof StorageUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const app = createApp({
  storage,
  staticDir,
  rateLimitPerMinute: config.rateLimitPerMinute,
  writesPerMinute: config.writesPerMinute,
  trustedProxies: config.trustedProxies,
  tiles: config.tiles,
  notify: config.notify,
});
// Requests get their points in the background, from POSTCODES_URL or the imported table.
const geocoding = startGeocoding({
  storage,
  geocoder: config.postcodesUrl
    ? new PostcodesIo(config.postcodesUrl)
    : new PostcodeTable(storage.serverOnly),
});
// Residents are told what happens through GOV.UK Notify, from the changes feed (notify/).
const notify = startNotify({ storage, settings: config.notify });
await notify.ready;
const isDemo = config.demo && (await holdsDemoData(storage.serverOnly));
const host = listenHost(config, isDemo);
const server = await listen(app, config.port, host);

function urlsToOpen(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host}:${port}/`];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a?.address}:${port}/`);
  return [`http://localhost:${port}/`, ...lan];
}

const isLoopback = (address: string) => address.startsWith('127.') || address === '::1';

/** How far the demo reaches, in a line: its accounts share a password anyone can read. */
function demoNotice(address: string): string {
  if (isLoopback(address)) {
    return (
      `Demo data: listening on ${address} only, so no other device can sign in with the demo ` +
      'password. Set HOST=0.0.0.0 to let devices on your network in.'
    );
  }
  const reach =
    address === '0.0.0.0' || address === '::'
      ? 'every network this computer is on'
      : `whoever can reach ${address}`;
  return (
    `Demo data, open to ${reach}: anyone there can sign in with the demo password. ` +
    'Use CYMORTH_DEMO=0 and real accounts for real work.'
  );
}

const [local, ...others] = urlsToOpen(host, server.port);
console.log(`Cymorth is running. Open ${local}`);
for (const url of others) console.log(`  on your network: ${url}`);
if (isDemo) console.log(demoNotice(server.address));
console.log(`Data: ${describeLocation(location)}`);
console.log(`App files: ${staticDir}`);
console.log(
  `Messages to residents: ${config.notify.apiKey ? 'GOV.UK Notify' : 'off (no NOTIFY_API_KEY)'}`,
);
console.log(
  `Postcodes: ${config.postcodesUrl ? 'POSTCODES_URL' : 'the table imported with npm run geo -- import'}`,
);

// Input can never reach these (Hono answers every handler error with a 500), but a bug in a
// background task must be seen in the log rather than silently take the server down.
process.on('unhandledRejection', (reason) => console.error('Unhandled rejection:', reason));

let stopping = false;
async function stop(signal: string) {
  // Ctrl-C reaches both `npm start` and this process, which forwards it again: once is enough.
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping Cymorth…`);
  setTimeout(() => {
    console.error('Still stopping after 10 s; exiting anyway.');
    process.exit(1);
  }, 10_000).unref();
  try {
    await server.close();
    await geocoding.stop();
    await notify.stop();
    await storage.close();
    console.log('Cymorth stopped.');
    process.exit(0);
  } catch (error) {
    console.error('Could not stop cleanly:', error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
