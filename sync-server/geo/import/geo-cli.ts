/**
 * `npm run geo -- <command>`: the postcode table from the server machine's shell (scripts/geo.ts
 * connects it to the process). `import <dir>` reads OS Code-Point Open as published, or the
 * converted pair, and stores the table where every instance reads it (../postcode-table.ts);
 * `status` says what was imported. Exit status: 0 done, 1 failed, 2 bad arguments.
 */
import { StorageUnavailableError } from '../../storage/pouch-storage.ts';
import type { Storage } from '../../storage/storage.ts';
import { tableInfoId, type TableInfo } from '../postcode-table.ts';
import { readTable, storeTable } from './table-import.ts';

export type GeoIo = {
  /** Where the data is, as the user should read it (no password). */
  dataDir: string;
  openStorage(): Promise<Storage>;
  out(line: string): void;
  err(line: string): void;
  now(): Date;
};

export const geoUsage = `Usage: npm run geo -- <command>

  import <dir>   Import postcode points from <dir>: OS Code-Point Open as published
                 (<dir>/Data/CSV/*.csv or <dir>/codepo_gb/Data/CSV/*.csv), or
                 postcodes-wales.csv with districts-wales.csv. Replaces the table.
  status         What table is imported, when, and how big.

Works on DATA_DIR while the server is stopped, or on COUCHDB_URL when set.
Code-Point Open: Contains OS data © Crown copyright and database right; see README.md.`;

function describe(info: TableInfo) {
  return `${info.postcodes} postcodes in ${info.districts} districts (${info.source}), imported ${info.imported_at}`;
}

export async function runGeo(argv: readonly string[], io: GeoIo): Promise<number> {
  const [command, dir, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === undefined) {
    (command === undefined ? io.err : io.out)(geoUsage);
    return command === undefined ? 2 : 0;
  }
  if (
    (command === 'import' && (dir === undefined || rest.length > 0)) ||
    (command === 'status' && dir !== undefined) ||
    (command !== 'import' && command !== 'status')
  ) {
    io.err(geoUsage);
    return 2;
  }
  let storage: Storage;
  try {
    storage = await io.openStorage();
    await storage.serverOnly.ping();
  } catch (error) {
    io.err(error instanceof StorageUnavailableError ? error.message : String(error));
    return 1;
  }
  try {
    if (command === 'status') {
      const info = await storage.serverOnly.get<TableInfo>(tableInfoId);
      io.out(info === null ? `No postcode table in ${io.dataDir}.` : describe(info));
      return 0;
    }
    io.out(`Reading ${dir}…`);
    const table = await readTable(dir ?? '');
    const info = await storeTable(storage.serverOnly, table, io.now());
    io.out(`Imported ${describe(info)} into ${io.dataDir}.`);
    return 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await storage.close();
  }
}
