/**
 * Figure d's second column: the app as it was at a git ref (BENCH_BASELINE), built on this machine
 * in this run. The ref's files are exported with `git archive` into a temporary directory (the
 * working tree and its branch are never touched), node_modules is a symlink to ours (no install),
 * and `vite build` writes the build there. The same sync server (today's) serves it.
 */
import { access, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { viteBin } from './ensure-build.ts';
import { repoRoot } from './repo-root.ts';
import { runCommand } from './run-command.ts';

export type BaselineBuild = {
  ref: string;
  commit: string;
  subject: string;
  buildDir: string;
  /** The exported checkout itself (its `sync-server/` can run, on our node_modules). */
  root: string;
  cleanUp(): Promise<void>;
};

export async function buildBaseline(ref: string): Promise<BaselineBuild> {
  const git = (...args: string[]) => runCommand('git', args, { cwd: repoRoot, timeoutMs: 60_000 });
  const commit = (await git('rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`)).trim();
  const subject = (await git('log', '-1', '--format=%h %s', commit)).trim();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cymorth-bench-baseline-'));
  const cleanUp = () => rm(dir, { recursive: true, force: true });
  try {
    await runCommand(
      'bash',
      [
        '-c',
        'set -o pipefail; git -C "$1" archive --format=tar "$2" | tar -x -C "$3"',
        'bash',
        repoRoot,
        commit,
        dir,
      ],
      { cwd: repoRoot, timeoutMs: 60_000 },
    );
    await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    await runCommand(process.execPath, [viteBin, 'build'], { cwd: dir, timeoutMs: 5 * 60_000 });
    const buildDir = path.join(dir, 'build');
    await access(path.join(buildDir, 'sw.js')).catch(() => {
      throw new Error(`the build of ${subject} has no build/sw.js`);
    });
    return { ref, commit, subject, buildDir, root: dir, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
