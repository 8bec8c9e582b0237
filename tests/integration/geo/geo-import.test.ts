/**
 * `npm run geo -- import <dir>`: one run as an operator would (a child process on a data
 * directory) proves the wiring; the rest run in this process through the same `runGeo`. On the
 * Code-Point Open fixture in OS's own format, on a bad file (refused, naming the line, nothing
 * imported), on a newer product that lacks a district (withdrawn), and, when this machine has
 * it, on the whole converted extract for Wales in ../shared/data/geo.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGeo } from '../../../sync-server/geo/import/geo-cli.ts';
import { PostcodeTable } from '../../../sync-server/geo/postcode-table.ts';
import { openPouchStorage } from '../../../sync-server/storage/pouch-storage.ts';
import {
  codePointFiles,
  fixturePostcodes,
  known,
  writeCodePointFixture,
} from '../../support/geo/code-point-fixture.ts';

const root = await mkdtemp(path.join(tmpdir(), 'cymorth-geo-import-'));
afterAll(() => rm(root, { recursive: true, force: true }));
let dirs = 0;
const freshDataDir = () => path.join(root, `data-${++dirs}`);
const product = await writeCodePointFixture(path.join(root, 'product'));

async function run(dataDir: string, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGeo(argv, {
    dataDir,
    openStorage: () => openPouchStorage(dataDir),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => new Date('2030-01-10T09:00:00.000Z'),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function lookUp(dataDir: string, postcode: string) {
  const storage = await openPouchStorage(dataDir);
  try {
    return await new PostcodeTable(storage.serverOnly).find(postcode);
  } finally {
    await storage.close();
  }
}

describe('npm run geo -- import', () => {
  it('imports Code-Point Open as published, as an operator runs it', async () => {
    const dataDir = freshDataDir();
    const child = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const c = spawn('npm', ['run', '--silent', 'geo', '--', 'import', product], {
        env: { ...process.env, DATA_DIR: dataDir },
      });
      let stdout = '';
      c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      c.on('error', reject);
      c.on('close', (code) => resolve({ code, stdout }));
    });
    expect(child.code).toBe(0);
    // CF10, LL11, LL14 and SY23; SY18 9AA has no grid reference.
    expect(child.stdout).toContain(`Imported ${fixturePostcodes} postcodes in 4 districts`);
    expect((await run(dataDir, ['status'])).out).toMatch(
      /^10 postcodes in 4 districts \(code-point-open\)/,
    );
    const found = await lookUp(dataDir, 'LL11 1AB');
    expect(found.unit).toEqual(known['LL11 1AB']);
  });

  it('refuses a file that is not Code-Point Open, naming the line, and imports nothing', async () => {
    const bad = path.join(root, 'bad', 'Data', 'CSV');
    await mkdir(bad, { recursive: true });
    await writeFile(
      path.join(bad, 'cf.csv'),
      `${codePointFiles['cf.csv']?.[0]}\nCardiff,somewhere\n`,
    );
    const dataDir = freshDataDir();
    const result = await run(dataDir, ['import', path.join(root, 'bad')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cf\.csv, line 2: not a Code-Point Open line/);
    expect((await run(dataDir, ['status'])).out).toMatch(/^No postcode table/);
  });

  it('answers a missing directory and bad arguments clearly', async () => {
    const dataDir = freshDataDir();
    const missing = await run(dataDir, ['import', path.join(root, 'nowhere')]);
    expect(missing).toMatchObject({
      code: 1,
      err: expect.stringContaining('no such directory') as string,
    });
    expect((await run(dataDir, ['import'])).code).toBe(2);
    expect((await run(dataDir, ['frobnicate'])).code).toBe(2);
  });

  it('replaces the table on a new import, withdrawing districts the new one lacks', async () => {
    const dataDir = freshDataDir();
    expect((await run(dataDir, ['import', product])).code).toBe(0);
    const newer = path.join(root, 'newer', 'Data', 'CSV');
    await mkdir(newer, { recursive: true });
    await writeFile(path.join(newer, 'cf.csv'), (codePointFiles['cf.csv'] ?? []).join('\n'));
    expect((await run(dataDir, ['import', path.join(root, 'newer')])).out).toContain(
      'Imported 4 postcodes in 1 districts',
    );
    expect(await lookUp(dataDir, 'LL11 1AB')).toEqual({ unit: null, district: null });
    expect((await lookUp(dataDir, 'CF10 1EP')).unit).toEqual(known['CF10 1EP']);
  });
});

const shared = path.resolve('../shared/data/geo');
const hasShared = existsSync(path.join(shared, 'postcodes-wales.csv'));

describe.skipIf(!hasShared)(
  `the Code-Point Open extract for Wales${hasShared ? '' : ' (skipped: ../shared/data/geo is not on this machine)'}`,
  () => {
    it('imports 92,555 postcodes in 212 districts', async () => {
      const dataDir = freshDataDir();
      const result = await run(dataDir, ['import', shared]);
      expect(result.out).toContain('Imported 92555 postcodes in 212 districts (converted)');
      expect(await lookUp(dataDir, 'CF10 1EP')).toEqual({
        unit: { lat: 51.47576, lon: -3.17921 },
        district: { lat: 51.47477, lon: -3.17318 },
      });
    }, 60_000);
  },
);
