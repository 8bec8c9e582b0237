/**
 * The real sync server (`sync-server/start.ts`, exactly as `npm start` runs it) in a child
 * process on a free port with a throw-away DATA_DIR, serving a given build. A child process keeps
 * the server's CPU apart from the bench's own and means the bench only depends on the server's
 * documented environment (PORT, HOST, DATA_DIR, STATIC_DIR) and its "Open <url>" line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './repo-root.ts';

export type RunningSyncServer = {
  /** e.g. `http://127.0.0.1:41221`, no trailing slash. */
  origin: string;
  staticDir: string;
  stop(): Promise<void>;
};

const startTimeoutMs = 30_000;

export type SyncServerOptions = {
  /** The checkout whose `sync-server/` runs (a baseline's export); this repository by default. */
  root?: string;
  /** A data directory to start from, copied (the server locks its own copy); empty by default. */
  dataFrom?: string;
  /** More environment, e.g. TRUST_PROXY=1 so that simulated devices have addresses of their own. */
  env?: Record<string, string>;
};

export async function startSyncServer(
  staticDir: string,
  options: SyncServerOptions = {},
): Promise<RunningSyncServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cymorth-bench-data-'));
  if (options.dataFrom) cpSync(options.dataFrom, dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/start.ts'], {
    cwd: options.root ?? repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: staticDir,
      // The bench is one client making many page loads; the per-address limit is not under test.
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the bench dies, the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const cleanUp = () => {
    process.removeListener('exit', killOnExit);
    rmSync(dataDir, { recursive: true, force: true });
  };

  let origin: string;
  try {
    origin = await waitForUrl(child);
  } catch (error) {
    child.kill('SIGKILL');
    cleanUp();
    throw error;
  }
  return {
    origin,
    staticDir,
    async stop() {
      await stopChild(child);
      cleanUp();
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`sync server did not start in ${startTimeoutMs / 1000} s`)),
      startTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        done();
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    const onExit = (code: number | null) => fail(new Error(`sync server exited (${code})`));
    function done() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining the pipes so the server never blocks on a full one.
      child.stdout?.resume();
      child.stderr?.resume();
    }
    function fail(error: Error) {
      done();
      reject(new Error(`${error.message}\n${output.trim()}`));
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
