/**
 * `npm start` (scripts/start.mjs) as a newcomer runs it on a fresh machine: the data directory is
 * empty, so it is seeded with the demo set, whose accounts share a password printed for all to
 * see. Then the server must listen on this computer only, and say so, unless HOST says otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPassword } from '../../../scripts/seed/seed-data-dir.ts';
import { writeStaticFixture } from '../../support/server/static-fixture.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Started = { output: () => string; url: string };

/** `npm start` on an empty data directory, until the demo accounts have been printed. */
async function npmStart(env: NodeJS.ProcessEnv): Promise<Started> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cymorth-start-'));
  // Whatever this shell has set for HOST or CYMORTH_DEMO is not what a newcomer has.
  const inherited = { ...process.env };
  delete inherited.HOST;
  delete inherited.CYMORTH_DEMO;
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...inherited,
      DATA_DIR: path.join(dir, 'data'),
      // Its own static files, so start.mjs does not build the app.
      STATIC_DIR: await writeStaticFixture(dir),
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await rm(dir, { recursive: true, force: true });
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes(demoPassword) || !/^App files:/m.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = /Cymorth is running\. Open (\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`No URL in:\n${output}`);
  return { output: () => output, url };
}

describe('npm start with the demo data', () => {
  it('listens on this computer only, and says why', { timeout: 90_000 }, async () => {
    const started = await npmStart({});
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const said = started.output();
    expect(said).toMatch(/^Demo data: listening on 127\.0\.0\.1 only/m);
    expect(said).toContain('HOST=0.0.0.0');
    expect(said).not.toContain('on your network:');
    expect((await fetch(`${started.url}healthz`)).status).toBe(200);
  });

  it(
    'listens where HOST says, and warns that the demo password opens it',
    { timeout: 90_000 },
    async () => {
      const started = await npmStart({ HOST: '0.0.0.0' });
      expect(started.url).toMatch(/^http:\/\/localhost:\d+\/$/);
      const said = started.output();
      expect(said).not.toMatch(/^Demo data: listening on 127\.0\.0\.1 only/m);
      expect(said).toMatch(/^Demo data, open to every network this computer is on/m);
      expect((await fetch(`${started.url}healthz`)).status).toBe(200);
    },
  );
});
