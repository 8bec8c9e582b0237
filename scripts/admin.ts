/**
 * `npm run admin -- <command>` (see `--help`): staff accounts in the server's data directory.
 * A thin wrapper: the commands live in sync-server/accounts/admin-cli.ts.
 */
import path from 'node:path';
import { runAdmin } from '../sync-server/accounts/admin-cli.ts';
import { readNewPassword } from '../sync-server/accounts/password-prompt.ts';
import { readConfig } from '../sync-server/config.ts';
import { openPouchStorage } from '../sync-server/pouch-storage.ts';

// Only DATA_DIR matters here; the server's other settings must not make the admin tool fail.
const dataDir = path.resolve(readConfig({ DATA_DIR: process.env.DATA_DIR }).dataDir);

process.exitCode = await runAdmin(process.argv.slice(2), {
  dataDir,
  openStorage: () => openPouchStorage(dataDir),
  readPassword: readNewPassword,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
});
