/**
 * `npm run admin`. A few runs as an operator would (a child process on a data directory, the
 * password piped in) prove the wiring; the rest of the commands run in this process through the
 * same `runAdmin`, because each child costs about a second of CPU.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../sync-server/app.ts';
import { createAccount } from '../../../../sync-server/accounts/account-store.ts';
import { runAdmin } from '../../../../sync-server/accounts/admin-cli/admin-cli.ts';
import {
  PasswordInputError,
  readFirstLine,
} from '../../../../sync-server/accounts/admin-cli/password-prompt.ts';
import { listen } from '../../../../sync-server/http/listen.ts';
import { openPouchStorage } from '../../../../sync-server/storage/pouch-storage.ts';
import { goodPassword, signIn, testScrypt } from '../../../support/staff/account-fixtures.ts';

const root = await mkdtemp(path.join(tmpdir(), 'cymorth-admin-'));
afterAll(() => rm(root, { recursive: true, force: true }));
let dirs = 0;
const freshDataDir = () => path.join(root, `data-${++dirs}`);

const newPassword = 'correct horse battery staple';

type Run = { code: number | null; stdout: string; stderr: string };

function spawnAdmin(dir: string, args: string[], input = '', viaNpm = false): Promise<Run> {
  const [command, argv] = viaNpm
    ? ['npm', ['run', '--silent', 'admin', '--', ...args]]
    : [path.resolve('node_modules/.bin/tsx'), ['scripts/admin.ts', ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env: { ...process.env, DATA_DIR: dir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** `runAdmin` in this process, with passwords from `passwords` as if piped in. */
async function runInProcess(dir: string, args: string[], passwords: string[] = []): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(args, {
    dataDir: dir,
    openStorage: () => openPouchStorage(dir),
    readPassword: () => readFirstLine(Readable.from(passwords.splice(0, 1).map((p) => `${p}\n`))),
    out: (line) => out.push(`${line}\n`),
    err: (line) => err.push(`${line}\n`),
    now: () => new Date(),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Starts the real server on a directory the CLI wrote, signs in, stops it again. */
async function signInStatus(dir: string, username: string, password: string) {
  const storage = await openPouchStorage(dir);
  const app = createApp({ storage, staticDir: root, rateLimitPerMinute: 100, trustedProxies: 0 });
  const server = await listen(app, 0, '127.0.0.1');
  try {
    return (await signIn(`http://127.0.0.1:${server.port}`, { username, password })).status;
  } finally {
    await server.close(250);
    await storage.close();
  }
}

describe('npm run admin as a process', () => {
  it(
    'reads the password from a pipe, exits 0, 1 or 2, and says why',
    { timeout: 60_000 },
    async () => {
      const [dir, untouched] = [freshDataDir(), freshDataDir()];
      const args = ['create-admin', 'root', '--name', 'Gweinyddwr'];
      const [help, onCommandLine, created] = await Promise.all([
        spawnAdmin(untouched, ['--help'], '', true),
        spawnAdmin(untouched, ['create-admin', 'root', '--password', 'x']),
        spawnAdmin(dir, args, `${newPassword}\n`),
      ]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: npm run admin -- <command>');
      expect(help.stdout).toContain('Stop the server first');
      expect(onCommandLine.code).toBe(2);
      expect(onCommandLine.stderr).toContain("Unknown option '--password'");
      expect(existsSync(untouched)).toBe(false);
      expect(created).toEqual({ code: 0, stdout: 'Created admin "root".\n', stderr: '' });

      const again = await spawnAdmin(dir, ['create-admin', 'other'], `${newPassword}\n`);
      expect(again.code).toBe(1);
      expect(again.stderr).toBe(
        'An admin already exists: create-admin is only for a fresh deployment.\n',
      );

      // The piped password works with the server, hashed at the production cost.
      expect(await signInStatus(dir, 'root', newPassword)).toBe(200);
    },
  );
});

describe('admin commands', () => {
  it.each([
    [[], 'Say which command to run.'],
    [['frobnicate', 'alun'], 'Unknown command "frobnicate".'],
    [['create', 'Alun!', '--role', 'volunteer'], '"Alun!" is not a valid username.'],
    [['create', 'al', '--role', 'volunteer'], '"al" is not a valid username.'],
    [['create', 'alun'], '"create" needs --role coordinator or --role volunteer.'],
    [['create', 'alun', '--role', 'admin'], 'The first admin is made with "create-admin".'],
    [
      ['create', 'alun', '--role', 'volunteer', '--areas', 'Gwynedd'],
      '"Gwynedd" is not a valid area.',
    ],
    [['create', 'alun', 'jones', '--role', 'volunteer'], 'Unexpected "jones"'],
    [['disable'], '"disable" needs a username.'],
    [['disable', 'alun', '--role', 'volunteer'], '"disable" does not take --role.'],
    [['list', 'alun'], '"list" takes no username.'],
    [['create-admin', 'root', '--name'], "Option '--name <value>' argument missing"],
  ])('refuses %j with exit status 2 before opening the data', async (args, message) => {
    const dir = freshDataDir();
    const run = await runInProcess(dir, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: npm run admin');
    expect(existsSync(dir)).toBe(false);
  });

  it('creates accounts, refusing weak passwords and duplicates', async () => {
    const dir = freshDataDir();
    const args = ['create', 'alun', '--role', 'coordinator', '--areas', 'gwynedd, conwy'];
    const weak = await runInProcess(dir, args, ['short']);
    expect(weak).toMatchObject({ code: 1, stderr: 'Passwords need at least 10 characters.\n' });
    const same = await runInProcess(dir, args, ['alun']);
    expect(same.code).toBe(1);
    const guessable = await runInProcess(dir, args, ['qwertyuiop']);
    expect(guessable).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('That password is too easy to guess') as string,
    });
    const ownName = await runInProcess(dir, [...args, '--name', 'Alun Jones'], ['alun-jones-1']);
    expect(ownName.code).toBe(1);
    expect(ownName.stderr).toContain('too easy to guess');
    const created = await runInProcess(dir, [...args, '--name', 'Alun Jones'], [newPassword]);
    expect(created).toEqual({
      code: 0,
      stdout: 'Created coordinator "alun" (areas: gwynedd, conwy).\n',
      stderr: '',
    });
    const again = await runInProcess(dir, ['create', 'alun', '--role', 'volunteer'], [newPassword]);
    expect(again).toMatchObject({
      code: 1,
      stderr: 'There is already an account called "alun".\n',
    });
    const noInput = await runInProcess(dir, ['create', 'bethan', '--role', 'volunteer'], []);
    expect(noInput).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No password') as string,
    });

    const list = await runInProcess(dir, ['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(
      'USERNAME  ROLE         STATUS  AREAS          NAME\n' +
        'alun      coordinator  active  gwynedd,conwy  Alun Jones\n',
    );
  });

  it('refuses a first admin whose password is their own name, and creates nothing', async () => {
    const dir = freshDataDir();
    const args = ['create-admin', 'ana', '--name', 'Ana Roberts'];
    const refused = await runInProcess(dir, args, ['ana-roberts']);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('too easy to guess') as string,
    });
    expect((await runInProcess(dir, ['list'])).stdout).toContain('No accounts yet');
    expect((await runInProcess(dir, args, [newPassword])).code).toBe(0);
  });

  it('refuses to disable the last admin, as the admin pages do', async () => {
    const dir = freshDataDir();
    expect((await runInProcess(dir, ['create-admin', 'pennaeth'], [newPassword])).code).toBe(0);
    const refused = await runInProcess(dir, ['disable', 'pennaeth']);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('last enabled admin') as string,
    });
    expect((await runInProcess(dir, ['list'])).stdout).toMatch(/^pennaeth +admin +active /m);
  });

  it('disables, enables and resets passwords; unknown users are refused', async () => {
    const dir = freshDataDir();
    const storage = await openPouchStorage(dir);
    const ctx = { store: storage.serverOnly, now: () => new Date(), scrypt: testScrypt };
    await createAccount(ctx, { username: 'dafydd', role: 'volunteer', password: goodPassword });
    // While the data is open elsewhere (as by a running server) the CLI says what to do.
    const locked = await spawnAdmin(dir, ['disable', 'dafydd']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('Is the server running? Stop it first');
    await storage.close();

    for (const command of ['disable', 'enable', 'reset-password']) {
      const unknown = await runInProcess(dir, [command, 'nobody'], [newPassword]);
      expect(unknown).toMatchObject({
        code: 1,
        stderr: 'There is no account called "nobody" (see: npm run admin -- list).\n',
      });
    }
    expect((await runInProcess(dir, ['disable', 'dafydd'])).code).toBe(0);
    expect((await runInProcess(dir, ['list'])).stdout).toMatch(/^dafydd +volunteer +disabled /m);
    expect((await runInProcess(dir, ['reset-password', 'dafydd'], ['tiny'])).code).toBe(1);
    const guessable = await runInProcess(dir, ['reset-password', 'dafydd'], ['password123']);
    expect(guessable).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('too easy to guess') as string,
    });
    // The owner's own name is judged on a reset too.
    const named = await runInProcess(dir, ['reset-password', 'dafydd'], ['dafydd-2026']);
    expect(named.code).toBe(1);
    expect((await runInProcess(dir, ['reset-password', 'dafydd'], [newPassword])).code).toBe(0);
    expect(await signInStatus(dir, 'dafydd', newPassword)).toBe(403);
    expect((await runInProcess(dir, ['enable', 'dafydd'])).code).toBe(0);
    expect(await signInStatus(dir, 'dafydd', newPassword)).toBe(200);
    expect(await signInStatus(dir, 'dafydd', goodPassword)).toBe(401);
  });
});

describe('reading a piped password', () => {
  it('takes the first line, without its line ending', async () => {
    expect(await readFirstLine(Readable.from(['pass', 'word one\r\n', 'second line\n']))).toBe(
      'password one',
    );
    expect(await readFirstLine(Readable.from(['no newline at the end']))).toBe(
      'no newline at the end',
    );
  });

  it('refuses empty input', async () => {
    await expect(readFirstLine(Readable.from([]))).rejects.toThrow(PasswordInputError);
    await expect(readFirstLine(Readable.from(['\n']))).rejects.toThrow('No password');
  });
});
