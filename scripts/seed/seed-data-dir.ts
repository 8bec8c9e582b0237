/**
 * Fills a data directory with synthetic data: the replicated documents through PouchDB's
 * `bulkDocs` in big batches (fast), then staff accounts through the accounts module (scrypt), then a
 * server-only marker `seed:info` saying what was seeded and whether it is the demo set.
 *
 * LevelDB lets one process open a database, so the server must be stopped; a locked directory is
 * reported as such rather than as LevelDB's own message. `dataDir` may also be the URL of a CouchDB
 * server (`COUCHDB_URL`): the same two databases are made there, and "empty" means they hold no
 * documents yet.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { parseStaffDoc, type StaffDoc } from '#domain/replication/document-classes.ts';
import { createAccount } from '../../sync-server/accounts/account-store.ts';
import { productionScrypt, type ScryptParams } from '../../sync-server/accounts/password-hash.ts';
import { isCouchUrl } from '../../sync-server/storage/couch-url.ts';
import { describeLocation, openPouchStorage } from '../../sync-server/storage/pouch-storage.ts';
import {
  replicatedDbName,
  serverOnlyDbName,
  type MutableDocStore,
} from '../../sync-server/storage/storage.ts';
import { generate, summarise, type SeedShape, type Summary } from './generate.ts';
import type { SeedAccount } from './staff.ts';
import { seedInfoId, type SeedInfo } from '../../sync-server/storage/seed-info.ts';

export const demoPassword = 'cymorth-demo-2026';

/** Far cheaper than production: only for big synthetic seeds (`--fast-hashes`). */
export const fastScrypt: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export type SeedOptions = SeedShape & {
  /** A data directory, or the URL of a CouchDB server ending in `/`. */
  dataDir: string;
  /** Replace the Cymorth databases already in `dataDir`. */
  force?: boolean;
  fastHashes?: boolean;
  demo?: boolean;
  password?: string;
  batchSize?: number;
  log?: (line: string) => void;
};

export type SeedResult = {
  summary: Summary;
  accounts: SeedAccount[];
  password: string;
  scrypt: ScryptParams;
  timings: { generateMs: number; writeMs: number; accountsMs: number; totalMs: number };
};

export class SeedError extends Error {
  constructor(
    readonly code: 'not_empty' | 'locked',
    message: string,
  ) {
    super(message);
  }
}

export function isEmptyDataDir(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/** A CouchDB database that does not exist yet counts as empty; asking never creates it. */
async function isEmptyCouchDb(url: string): Promise<boolean> {
  const db = new PouchDB(url, { skip_setup: true });
  try {
    return (await db.info()).doc_count === 0;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return true;
    throw error;
  } finally {
    await db.close();
  }
}

/** No Cymorth data in this directory, or in the two databases on this CouchDB server. */
export async function isEmptyLocation(location: string): Promise<boolean> {
  if (!isCouchUrl(location)) return isEmptyDataDir(location);
  await (await openPouchStorage(location)).close(); // fails clearly if CouchDB does not answer
  const counts = await Promise.all(
    [replicatedDbName, serverOnlyDbName].map((name) => isEmptyCouchDb(`${location}${name}`)),
  );
  return counts.every(Boolean);
}

export const isLockError = (error: unknown) =>
  error instanceof Error && /\block\b.*LOCK|Resource temporarily unavailable/.test(error.message);

export const lockedError = (dataDir: string) =>
  new SeedError(
    'locked',
    `${dataDir} is in use by another process (is the Cymorth server running?). Stop it and seed again.`,
  );

/** Opens a database, turning LevelDB's lock failure into a clear message. */
async function openDb(dataDir: string, name: string): Promise<PouchDB.Database> {
  const db = new PouchDB(isCouchUrl(dataDir) ? `${dataDir}${name}` : path.join(dataDir, name));
  try {
    await db.info();
    return db;
  } catch (error) {
    if (isLockError(error)) {
      throw lockedError(dataDir);
    }
    throw error;
  }
}

function validated(docs: readonly StaffDoc[]): void {
  for (const doc of docs) {
    const parsed = parseStaffDoc(doc);
    if (!parsed.ok) {
      throw new Error(`seed bug: ${doc._id} is invalid: ${JSON.stringify(parsed.fields)}`);
    }
  }
}

async function writeDocs(
  db: PouchDB.Database,
  docs: readonly StaffDoc[],
  batchSize: number,
  log: (line: string) => void,
) {
  for (let i = 0; i < docs.length; i += batchSize) {
    if (i > 0 && i % (batchSize * 10) === 0) log(`  written ${i} of ${docs.length} documents…`);
    const batch = docs.slice(i, i + batchSize) as PouchDB.Core.PutDocument<object>[];
    const results = await db.bulkDocs(batch);
    const failed = results.find((r) => 'error' in r && r.error);
    if (failed) throw new Error(`could not write ${failed.id}: ${JSON.stringify(failed)}`);
  }
}

/** Runs `work` over `items`, `limit` at a time, keeping the input order in the output. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function storeAccounts(
  store: MutableDocStore,
  accounts: readonly SeedAccount[],
  password: string,
  scrypt: ScryptParams,
  now: () => Date,
) {
  await inPool(accounts, 4, async (account) => {
    const result = await createAccount(
      { store, now, scrypt },
      {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        areas: account.areas,
        password,
      },
    );
    if (!result.ok) throw new Error(`could not create ${account.username}: ${result.problem}`);
  });
}

export async function seedDataDir(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const dataDir = isCouchUrl(options.dataDir) ? options.dataDir : path.resolve(options.dataDir);
  const where = describeLocation(dataDir);
  if (!options.force && !(await isEmptyLocation(dataDir))) {
    throw new SeedError(
      'not_empty',
      `${where} already has data. Seed an empty place, or pass --force to replace its Cymorth databases.`,
    );
  }

  if (!isCouchUrl(dataDir)) await mkdir(dataDir, { recursive: true });
  let replicated = await openDb(dataDir, replicatedDbName);
  let serverOnly: PouchDB.Database;
  try {
    serverOnly = await openDb(dataDir, serverOnlyDbName);
  } catch (error) {
    await replicated.close();
    throw error;
  }
  if (options.force) {
    log(`Replacing the Cymorth databases in ${where} (--force).`);
    await Promise.all([replicated.destroy(), serverOnly.destroy()]);
    replicated = await openDb(dataDir, replicatedDbName);
  } else {
    await serverOnly.close();
  }

  const t0 = performance.now();
  const { docs, accounts } = generate(options);
  validated(docs);
  const t1 = performance.now();
  try {
    log(`Writing ${docs.length} documents…`);
    await writeDocs(replicated, docs, options.batchSize ?? 2000, log);
  } finally {
    await replicated.close();
  }
  const t2 = performance.now();

  const scrypt = options.fastHashes ? fastScrypt : productionScrypt;
  const password = options.password ?? demoPassword;
  if (!options.fastHashes && accounts.length > 100) {
    log(
      `Hashing ${accounts.length} passwords at production scrypt cost takes a while ` +
        '(about 0.1 s each per core); --fast-hashes is for benchmark and throwaway data.',
    );
  }
  const storage = await openPouchStorage(dataDir);
  try {
    const now = () => new Date();
    await storeAccounts(storage.serverOnly, accounts, password, scrypt, now);
    const info: SeedInfo = {
      _id: seedInfoId,
      type: 'seed',
      demo: options.demo === true,
      seed: options.seed,
      now: options.now.toISOString(),
      created_at: now().toISOString(),
      users: accounts.map((a) => ({ username: a.username, role: a.role, user_id: a.userId })),
    };
    await storage.serverOnly.putIfAbsent(info);
  } finally {
    await storage.close();
  }
  const t3 = performance.now();
  return {
    summary: summarise(docs),
    accounts,
    password,
    scrypt,
    timings: {
      generateMs: t1 - t0,
      writeMs: t2 - t1,
      accountsMs: t3 - t2,
      totalMs: t3 - started,
    },
  };
}
