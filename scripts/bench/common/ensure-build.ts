/**
 * The build under test: `build/` as it is (built first if it is missing, or rebuilt when
 * BENCH_REBUILD=1), copied to a temporary directory so that a rebuild by someone else during the
 * run cannot change the files half-way through the measurements.
 */
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './repo-root.ts';
import { runCommand } from './run-command.ts';

export type BuildSnapshot = {
  /** The copy the server serves and the precache figures read. */
  dir: string;
  builtAt: Date;
  rebuilt: boolean;
  cleanUp(): Promise<void>;
};

export const viteBin = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');

const builtAt = async (buildDir: string) =>
  (await stat(path.join(buildDir, 'sw.js')).catch(() => null))?.mtime ?? null;

export async function ensureBuild(force: boolean): Promise<BuildSnapshot> {
  const buildDir = path.join(repoRoot, 'build');
  let rebuilt = false;
  if (force || !(await builtAt(buildDir))) {
    console.log(
      force
        ? 'BENCH_REBUILD=1: building the app (npx vite build)…'
        : 'No build/: building the app (npx vite build)…',
    );
    await runCommand(process.execPath, [viteBin, 'build'], {
      cwd: repoRoot,
      timeoutMs: 5 * 60_000,
    });
    rebuilt = true;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cymorth-bench-build-'));
  await cp(buildDir, dir, { recursive: true, preserveTimestamps: true });
  const when = await builtAt(dir);
  if (!when)
    throw new Error('build/ has no sw.js: is the PWA plugin still building the service worker?');
  return { dir, builtAt: when, rebuilt, cleanUp: () => rm(dir, { recursive: true, force: true }) };
}
