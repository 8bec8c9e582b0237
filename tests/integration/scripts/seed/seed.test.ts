/**
 * The seeder against real LevelDB in temporary directories: every document it writes is one the
 * domain accepts, the counts are the ones asked for, assignments only ever go to approved volunteers
 * of the request's area, a seed always gives the same data, and the command line refuses what it
 * should with a clear message and the right exit code.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleProblem } from '#domain/requests/lifecycle.ts';
import { parseStaffDoc, type StaffDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import { channelOf, createdEventId } from '#domain/records/creation.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { listAccounts } from '../../../../sync-server/accounts/account-store.ts';
import { staffUserId } from '../../../../sync-server/accounts/staff-user-id.ts';
import { openPouchStorage } from '../../../../sync-server/storage/pouch-storage.ts';
import { generate } from '../../../../scripts/seed/generate.ts';
import { runSeed, type SeedIo } from '../../../../scripts/seed/seed-cli.ts';
import {
  demoPassword,
  SeedError,
  seedDataDir,
  type SeedOptions,
} from '../../../../scripts/seed/seed-data-dir.ts';
import { readSeedInfo } from '../../../../sync-server/storage/seed-info.ts';
import { replicatedDbName } from '../../../../sync-server/storage/storage.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../../..');
const now = new Date('2026-03-02T09:00:00.000Z');
const shape = { requests: 60, volunteers: 10, areas: 4, coordinators: 2, seed: 7, now };

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'cymorth-seed-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const dir = (name: string) => path.join(tmp, name);

async function storedDocs(dataDir: string) {
  const db = new PouchDB(path.join(dataDir, replicatedDbName));
  try {
    const { rows } = await db.allDocs({ include_docs: true });
    return rows.map((row) => row.doc as unknown as StaffDoc & { _rev: string });
  } finally {
    await db.close();
  }
}

function captureIo(env: NodeJS.ProcessEnv = {}): SeedIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    env,
    today: () => now,
  };
}

describe('seedDataDir', () => {
  const options = (name: string): SeedOptions => ({
    ...shape,
    dataDir: dir(name),
    fastHashes: true,
  });
  let docs: (StaffDoc & { _rev: string })[];

  beforeAll(async () => {
    await seedDataDir(options('a'));
    docs = await storedDocs(dir('a'));
  });

  it('writes only documents the domain accepts', () => {
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) expect(parseStaffDoc(doc), doc._id).toMatchObject({ ok: true });
  });

  it('writes as many of each as asked for, with every kind and status', () => {
    const count = (type: string) => docs.filter((d) => d.type === type).length;
    expect(count('request')).toBe(shape.requests);
    expect(count('contact')).toBe(shape.requests);
    expect(count('volunteer')).toBe(shape.volunteers);
    expect(count('area')).toBe(shape.areas);
    expect(count('event')).toBeGreaterThanOrEqual(shape.requests);
    expect(count('note')).toBeGreaterThan(0);
    const requests = docs.filter((d): d is RequestDoc & { _rev: string } => d.type === 'request');
    expect(new Set(requests.map((r) => r.kind)).size).toBe(4);
    expect(new Set(requests.map((r) => r.status)).size).toBe(6);
    expect(new Set(requests.map((r) => r.language))).toEqual(new Set(['cy', 'en']));
    expect(new Set(requests.map((r) => r.reference)).size).toBe(shape.requests);
  });

  it('assigns requests only to approved volunteers of their area, and keeps the lifecycle rules', () => {
    const profiles = new Map(
      docs
        .filter((d): d is VolunteerDoc & { _rev: string } => d.type === 'volunteer')
        .map((v) => [v._id.slice('volunteer:'.length), v]),
    );
    const requests = docs.filter((d): d is RequestDoc & { _rev: string } => d.type === 'request');
    expect(requests.some((r) => r.assignee !== null)).toBe(true);
    for (const request of requests) {
      expect(lifecycleProblem(request), request._id).toBeNull();
      const everyone = [request.assignee, ...request.assignments.map((a) => a.to)];
      for (const who of everyone.filter((x): x is string => x !== null)) {
        const profile = profiles.get(who);
        expect(profile?.approval, request._id).toBe('approved');
        expect(profile?.areas, request._id).toContain(request.area);
      }
    }
    const requestIds = new Set(requests.map((r) => r._id));
    for (const doc of docs) {
      if (doc.type === 'contact' || doc.type === 'note' || doc.type === 'event') {
        expect(requestIds.has(doc.request_id), doc._id).toBe(true);
      }
    }
  });

  it('starts every history with the created event, by the resident or the coordinator who took the call', () => {
    const all = generate({ ...shape, requests: 200 }).docs;
    const requests = all.filter((d): d is RequestDoc => d.type === 'request');
    const created = new Map(
      all
        .filter((d): d is EventDoc => d.type === 'event' && d.field === 'created')
        .map((e) => [e.request_id, e]),
    );
    const authors = new Set<string>();
    for (const request of requests) {
      const event = created.get(request._id);
      expect(event?._id, request._id).toBe(createdEventId(request._id));
      expect(event?.at, request._id).toBe(request.created_at);
      const channel = channelOf(request, event ? [event] : []);
      expect(channelOf(request), request._id).toEqual(channel);
      authors.add(channel?.channel ?? 'none');
    }
    // Both ways in are seeded: the web form, and calls taken by a coordinator.
    expect(authors).toEqual(new Set(['web', 'phone']));
  });

  it('records both answers about sharing details, and the calls coordinators made after a No', () => {
    const requests = generate({ ...shape, requests: 600 }).docs.filter(
      (d): d is RequestDoc => d.type === 'request',
    );
    const share = (r: RequestDoc) => `${r.consent.given ? 'yes' : 'no'}:${r.consent.how}`;
    const seen = new Set(requests.map(share));
    for (const answer of ['yes:form', 'no:form', 'yes:phone', 'yes:in_person', 'no:phone']) {
      expect(seen, answer).toContain(answer);
    }
    const saidYes = requests.filter((r) => r.consent.given).length;
    expect(saidYes / requests.length).toBeGreaterThan(0.85);
    // Some volunteers hold a task whose resident has not agreed: they work without the contact.
    const held = requests.filter((r) => r.status === 'assigned' || r.status === 'in_progress');
    expect(held.some((r) => !r.consent.given)).toBe(true);
    // A recorded answer is the coordinator's, never credited to the resident.
    for (const r of requests) {
      expect(r.fields_meta.consent.by === 'resident', r._id).toBe(r.consent.how === 'form');
    }
  });

  it('creates the admin, coordinators and volunteers as accounts, and a seed marker', async () => {
    const storage = await openPouchStorage(dir('a'));
    try {
      const accounts = await listAccounts(storage.serverOnly);
      const roles = accounts.map((a) => a.role);
      expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
      expect(roles.filter((r) => r === 'coordinator')).toHaveLength(shape.coordinators);
      expect(roles.filter((r) => r === 'volunteer')).toHaveLength(shape.volunteers);
      // Documents name each account by the id the server derives from its username.
      const profiles = new Map(
        docs.filter((d) => d.type === 'volunteer').map((v) => [v._id, v as VolunteerDoc]),
      );
      for (const account of accounts.filter((a) => a.role === 'volunteer')) {
        const profile = profiles.get(`volunteer:${staffUserId(account.username)}`);
        expect(profile, account.username).toBeDefined();
        expect(account.areas).toEqual(profile?.approval === 'approved' ? profile.areas : []);
      }
      const info = await readSeedInfo(storage.serverOnly);
      expect(info?.users).toHaveLength(accounts.length);
      expect(info?.demo).toBe(false);
    } finally {
      await storage.close();
    }
  });

  it('gives the same documents for the same seed, and others for another seed', async () => {
    await seedDataDir(options('b'));
    expect(await storedDocs(dir('b'))).toEqual(docs);
    const other = generate({ ...shape, seed: 8 }).docs.map((d) => d._id);
    expect(other).not.toEqual(docs.map((d) => d._id));
  });

  it('says the directory is in use when another process (a running server) holds it', async () => {
    const busy = dir('busy');
    await seedDataDir({ ...options('busy'), requests: 1 });
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const P = require('pouchdb-node'); const db = new P(${JSON.stringify(path.join(busy, replicatedDbName))});` +
          "db.info().then(() => console.log('open')); setInterval(() => {}, 1000);",
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await once(holder.stdout, 'data');
      const attempt = seedDataDir({ ...options('busy'), force: true });
      await expect(attempt).rejects.toMatchObject({ code: 'locked' });
      await expect(attempt).rejects.toThrow(/is the Cymorth server running/);
    } finally {
      holder.kill();
    }
  });

  it('refuses a directory that has data unless forced', async () => {
    await expect(seedDataDir(options('a'))).rejects.toMatchObject({ code: 'not_empty' });
    await expect(seedDataDir(options('a'))).rejects.toBeInstanceOf(SeedError);
    const other = dir('other-files');
    await seedDataDir({ ...options('other-files'), requests: 1 });
    await writeFile(path.join(other, 'notes.txt'), 'not Cymorth');
    await seedDataDir({ ...options('other-files'), requests: 5, seed: 9, force: true });
    expect((await storedDocs(other)).filter((d) => d.type === 'request')).toHaveLength(5);
  });
});

describe('npm run seed', () => {
  it('seeds from the command line and prints the summary and the accounts', async () => {
    const target = dir('cli');
    const args = [
      'tsx',
      'scripts/seed.ts',
      '--requests',
      '12',
      '--volunteers',
      '3',
      '--areas',
      '2',
    ];
    const { stdout } = await run('npx', [...args, '--fast-hashes', '--now', now.toISOString()], {
      cwd: root,
      env: { ...process.env, DATA_DIR: target },
    });
    expect(stdout).toContain('request 12');
    expect(stdout).toContain(demoPassword);
    expect(stdout).toMatch(/coordinator1\s+coordinator/);
    expect((await storedDocs(target)).filter((d) => d.type === 'request')).toHaveLength(12);

    const again = await run('npx', [...args, '--data-dir', target], { cwd: root }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toContain('already has data');
  });

  it.each([
    [['--requests=-3'], '--requests must be a whole number'],
    [['--requests', 'lots'], '--requests must be a whole number'],
    [['--areas', '0'], '--areas must be a whole number from 1 to 22'],
    [['--areas', '23'], '--areas must be a whole number from 1 to 22'],
    [['--now', 'yesterday'], '--now must be a date'],
    [['--colour', 'red'], "Unknown option '--colour'"],
    [['stray'], 'Unexpected argument'],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const io = captureIo();
    expect(await runSeed([...argv, '--data-dir', dir('never')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
    expect(io.stderr.join('\n')).toContain('Usage: npm run seed');
  });

  it('exits 2 from the real command too', async () => {
    const result = await run('npx', ['tsx', 'scripts/seed.ts', '--volunteers', 'x'], {
      cwd: root,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 2 });
    expect((result as { stderr: string }).stderr).toContain('--volunteers must be a whole number');
  });

  it('seeds the demo set into an empty directory at start, then lists the accounts', async () => {
    const target = dir('demo');
    const first = captureIo({ DATA_DIR: target });
    expect(await runSeed(['--demo-start'], first)).toBe(0);
    const shown = first.stdout.join('\n');
    expect(shown).toContain(`password for every one: ${demoPassword}`);
    expect(shown).toMatch(/^ {2}admin\s+admin$/m);
    expect(shown).toMatch(/volunteer8\s+volunteer/);

    const second = captureIo({ DATA_DIR: target });
    expect(await runSeed(['--demo-start'], second)).toBe(0);
    const listed = second.stdout.join('\n');
    expect(listed).toContain(`Demo accounts (password ${demoPassword}`);
    expect(listed).toMatch(/coordinator2\s+coordinator/);
    expect(second.stderr).toEqual([]);
  });
});
