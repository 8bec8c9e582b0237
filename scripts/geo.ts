/**
 * `npm run geo -- <command>` (see `--help`): the postcode table in the server's data directory,
 * or on the CouchDB server of `COUCHDB_URL` when it is set, exactly where the server reads it.
 * A thin wrapper: the commands live in sync-server/geo/import/geo-cli.ts.
 */
import { runGeo } from '../sync-server/geo/import/geo-cli.ts';
import { readConfig, storageLocation } from '../sync-server/config.ts';
import { describeLocation, openPouchStorage } from '../sync-server/storage/pouch-storage.ts';

// Only where the data is matters here; the server's other settings must not make the tool fail.
const { DATA_DIR, COUCHDB_URL } = process.env;
const location = storageLocation(readConfig({ DATA_DIR, COUCHDB_URL }));

process.exitCode = await runGeo(process.argv.slice(2), {
  dataDir: describeLocation(location),
  openStorage: () => openPouchStorage(location),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
});
