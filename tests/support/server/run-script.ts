/** A script of this repository run as a person would run it: under tsx, in its own process. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export type Run = { code: number | null; stdout: string; stderr: string; output: () => string };

/** `script` with `args`, the environment with `env` added, `input` on stdin. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv, input = '') {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [script, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, output: () => stdout + stderr }));
    child.stdin.end(input);
  });
}
