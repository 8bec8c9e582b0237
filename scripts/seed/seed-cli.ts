/**
 * `npm run seed -- …`: argument parsing, the summary, and `--demo-start` (what `npm start` runs
 * first: seed a small demo set into an empty data directory, or list the accounts already there).
 * Exit codes: 0 done, 1 could not seed (directory in use or not empty), 2 bad arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { staffRoles } from '#domain/people/account-rules.ts';
import { listAccounts } from '../../sync-server/accounts/account-store.ts';
import { couchdbUrl } from '../../sync-server/config.ts';
import { isCouchUrl } from '../../sync-server/storage/couch-url.ts';
import {
  describeLocation,
  openPouchStorage,
  StorageUnavailableError,
} from '../../sync-server/storage/pouch-storage.ts';
import { storageFault } from '../../sync-server/storage/storage-fault.ts';
import type { SeedAccount } from './staff.ts';
import { maxAreas } from './generate.ts';
import { places } from './places.ts';
import {
  demoPassword,
  isEmptyLocation,
  isLockError,
  lockedError,
  SeedError,
  seedDataDir,
  type SeedOptions,
  type SeedResult,
} from './seed-data-dir.ts';
import { readSeedInfo } from '../../sync-server/storage/seed-info.ts';

export const seedUsage = `Usage: npm run seed -- [options]

Fills an empty data directory with synthetic Cymorth data (Welsh and English people and places,
every kind of request across its life, volunteers, coordinators, one admin) and staff accounts that
all share one demo password. Stop the server first: LevelDB allows one process per directory.

  --requests N       requests to make (default 40)
  --volunteers M     volunteer profiles and accounts (default 8)
  --areas K          areas, Welsh counties, 1 to ${maxAreas} (default 3)
  --coordinators C   coordinator accounts, each covering some areas (default: one per two areas)
  --data-dir DIR     where to write (default: the CouchDB server of $COUCHDB_URL if set,
                     else $DATA_DIR, else ./data); an http(s):// URL names a CouchDB server
  --seed S           whole number; the same seed and --now give the same documents (default 1)
  --now ISO          the seeded world's "now" (default: today 00:00 UTC)
  --force            replace the Cymorth databases already in the directory
  --fast-hashes      hash passwords at a low scrypt cost (N=2^10) to seed thousands of accounts
                     quickly; for benchmarks and throwaway demos only, never real accounts
  --help             show this help`;

export type SeedIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  today: () => Date;
};

export const demoShape = { requests: 40, volunteers: 8, areas: 3, coordinators: 2, seed: 2026 };

type Parsed =
  | { ok: true; mode: 'help' }
  | { ok: true; mode: 'seed' | 'demo-start'; options: SeedOptions }
  | { ok: false; message: string };

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number) {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function startOfDay(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function parseSeedArgs(argv: string[], io: SeedIo): Parsed {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        requests: { type: 'string' },
        volunteers: { type: 'string' },
        areas: { type: 'string' },
        coordinators: { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        force: { type: 'boolean' },
        'fast-hashes': { type: 'boolean' },
        'demo-start': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { ok: true, mode: 'help' };
  try {
    const given = values['data-dir'] ?? couchdbUrl(io.env) ?? (io.env.DATA_DIR?.trim() || './data');
    const dataDir = isCouchUrl(given) ? given : path.resolve(given);
    let now = startOfDay(io.today());
    if (values.now !== undefined) {
      now = new Date(values.now);
      if (Number.isNaN(now.getTime()))
        throw new Error(`--now must be a date and time, not "${values.now}"`);
    }
    if (values['demo-start']) {
      return {
        ok: true,
        mode: 'demo-start',
        options: { ...demoShape, now, dataDir, demo: true },
      };
    }
    const areas = whole('areas', values.areas, demoShape.areas, 1, maxAreas);
    const options: SeedOptions = {
      requests: whole('requests', values.requests, demoShape.requests, 0, 1_000_000),
      volunteers: whole('volunteers', values.volunteers, demoShape.volunteers, 0, 100_000),
      areas,
      coordinators: whole('coordinators', values.coordinators, Math.ceil(areas / 2), 0, 1000),
      seed: whole('seed', values.seed, 1, 0, 2 ** 32 - 1),
      now,
      dataDir,
      force: values.force === true,
      fastHashes: values['fast-hashes'] === true,
    };
    return { ok: true, mode: 'seed', options };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const areaName = (id: string) => {
  const p = places.find((x) => x.id === id);
  if (!p) return id;
  return p.name_cy === p.name_en ? p.name_cy : `${p.name_cy} / ${p.name_en}`;
};

/** The accounts as a table; long lists show the first of each role and how many more. */
export function accountLines(
  accounts: readonly (Pick<SeedAccount, 'username' | 'role' | 'areas'> & { approved?: boolean })[],
) {
  const lines: string[] = [];
  for (const role of staffRoles) {
    const ofRole = accounts.filter((a) => a.role === role);
    for (const a of ofRole.slice(0, 10)) {
      const pending = a.approved === false ? ' (pending approval)' : '';
      const where = a.areas.map(areaName).join(', ');
      lines.push(`  ${a.username.padEnd(16)} ${role.padEnd(12)} ${where}${pending}`.trimEnd());
    }
    if (ofRole.length > 10) lines.push(`  … and ${ofRole.length - 10} more ${role} accounts`);
  }
  return lines;
}

function printSummary(result: SeedResult, options: SeedOptions, out: (line: string) => void) {
  const { summary, timings } = result;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  out(
    `Seeded ${describeLocation(options.dataDir)} (seed ${options.seed}, now ${options.now.toISOString()})`,
  );
  out(
    `Documents: ${Object.entries(summary.docs)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  out(
    `Requests by kind: ${Object.entries(summary.kinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  out(
    `Requests by status: ${Object.entries(summary.statuses)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  out(`Requests by language: cy ${summary.languages.cy}, en ${summary.languages.en}`);
  out('Requests by area:');
  for (const a of summary.areas)
    out(`  ${a.id.padEnd(26)} ${a.name_cy} / ${a.name_en}: ${a.requests}`);
  out(`Volunteers: ${summary.volunteers.approved} approved, ${summary.volunteers.pending} pending`);
  out(
    `Took ${s(timings.totalMs)}: generate and validate ${s(timings.generateMs)}, ` +
      `write ${s(timings.writeMs)}, accounts ${s(timings.accountsMs)}`,
  );
}

function printAccounts(result: SeedResult, out: (line: string) => void) {
  out('');
  out(`Staff accounts (password for every one: ${result.password}):`);
  for (const line of accountLines(result.accounts)) out(line);
  if (result.scrypt.N < 2 ** 15) {
    out(
      `Passwords were hashed at a LOW scrypt cost (N=${result.scrypt.N}, --fast-hashes): demo and benchmark data only.`,
    );
  }
}

async function listExisting(options: SeedOptions, io: SeedIo) {
  let storage;
  try {
    storage = await openPouchStorage(options.dataDir);
    const [accounts, info] = await Promise.all([
      listAccounts(storage.serverOnly),
      readSeedInfo(storage.serverOnly),
    ]);
    if (accounts.length === 0) {
      io.out(
        'No staff accounts yet: create the first admin with `npm run admin -- create-admin <username>`.',
      );
      return;
    }
    io.out(
      info?.demo
        ? `Demo accounts (password ${demoPassword}, unless it has been reset since):`
        : 'Staff accounts in this data directory:',
    );
    for (const line of accountLines(accounts)) io.out(line);
  } finally {
    await storage?.close();
  }
}

export async function runSeed(argv: string[], io: SeedIo): Promise<number> {
  const parsed = parseSeedArgs(argv, io);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${seedUsage}`);
    return 2;
  }
  if (parsed.mode === 'help') {
    io.out(seedUsage);
    return 0;
  }
  const { options } = parsed;
  try {
    if (parsed.mode === 'demo-start') {
      if (!(await isEmptyLocation(options.dataDir))) {
        await listExisting(options, io);
        return 0;
      }
      io.err(
        `No data yet: seeding a small demo set into ${describeLocation(options.dataDir)} (CYMORTH_DEMO=0 turns this off).`,
      );
      const result = await seedDataDir(options);
      const d = demoShape;
      io.out(
        `Demo data: ${d.areas} areas, ${d.requests} requests, ${d.volunteers} volunteers, ` +
          `${d.coordinators} coordinators, 1 admin.`,
      );
      printAccounts(result, io.out);
      return 0;
    }
    const result = await seedDataDir({ ...options, log: io.err });
    printSummary(result, options, io.out);
    printAccounts(result, io.out);
    return 0;
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof SeedError || isLockError(error)) {
      io.err(error instanceof SeedError ? error.message : lockedError(options.dataDir).message);
      return 1;
    }
    const fault = storageFault(error);
    if (fault === null) throw error;
    // On CouchDB --force deletes and creates databases, which only a server admin may do (README).
    const why = options.force ? ' (--force on CouchDB takes a server admin in COUCHDB_URL)' : '';
    io.err(`Could not seed ${describeLocation(options.dataDir)}: storage ${fault.summary}${why}.`);
    return 1;
  }
}
