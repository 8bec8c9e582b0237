/**
 * `npm run admin -- <command>` (see `--help`): staff accounts in the server's data directory, or
 * on the CouchDB server of `COUCHDB_URL` when it is set, exactly where the server keeps them.
 * A thin wrapper: the commands live in sync-server/accounts/admin-cli/admin-cli.ts.
 */
import { runAdmin } from '../sync-server/accounts/admin-cli/admin-cli.ts';
import { readNewPassword } from '../sync-server/accounts/admin-cli/password-prompt.ts';
import { readConfig, storageLocation } from '../sync-server/config.ts';
import { describeLocation, openPouchStorage } from '../sync-server/storage/pouch-storage.ts';

// Only where the data is matters here; the server's other settings must not make the tool fail.
const { DATA_DIR, COUCHDB_URL } = process.env;
const location = storageLocation(readConfig({ DATA_DIR, COUCHDB_URL }));

process.exitCode = await runAdmin(process.argv.slice(2), {
  dataDir: describeLocation(location),
  openStorage: () => openPouchStorage(location),
  readPassword: readNewPassword,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
});
