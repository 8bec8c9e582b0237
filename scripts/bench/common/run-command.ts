/**
 * Running a build step as a child process: output kept (and shown only when it fails, or live
 * when asked), a time limit, and an error that says what ran.
 */
import { spawn } from 'node:child_process';

export type CommandOptions = { cwd: string; timeoutMs: number; live?: boolean };

export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    // No colour codes in output that may end up in an error message (picocolors enables colour
    // whenever FORCE_COLOR is set, even to 0).
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env,
      stdio: ['ignore', options.live ? 'inherit' : 'pipe', options.live ? 'inherit' : 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else {
        const tail = output.trim().split('\n').slice(-30).join('\n');
        reject(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? code})\n${tail}`));
      }
    });
  });
}
