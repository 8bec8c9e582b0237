/**
 * `npm start`: build the app if the build is missing or older than its sources, then run the sync
 * server (sync-server/start.ts under tsx) in the foreground, passing signals through so Ctrl-C and
 * `kill` stop it cleanly.
 *
 * Demo data: unless `CYMORTH_DEMO=0` (production), an empty data directory is first seeded with a
 * small demo set (scripts/seed.ts --demo-start), and the staff accounts are printed after the URL:
 * with the demo password when the data is the demo set, usernames and roles only otherwise. Over
 * the demo set the server listens on 127.0.0.1 unless `HOST` is set (`listenHost` in
 * sync-server/config.ts), since that password is printed for anyone to read.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');
const sources = ['src', 'locales', 'static', 'svelte.config.js', 'vite.config.ts'];

/** The newest modification time of a file or of any file below a directory; 0 if absent. */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function isBuildStale() {
  // adapter-static writes index.html last, after prerendering: its time is the build's time.
  const marker = path.join(buildDir, 'index.html');
  if (!existsSync(marker)) return true;
  const builtAt = statSync(marker).mtimeMs;
  return sources.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

const usesOwnBuild =
  !process.env.STATIC_DIR || path.resolve(root, process.env.STATIC_DIR) === buildDir;
if (usesOwnBuild && isBuildStale()) {
  console.log('Building the Cymorth app (the build is missing or older than its sources)…');
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  const build = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The app did not build; fix the errors above and run `npm start` again.');
    process.exit(build.status ?? 1);
  }
}

/** Seeds an empty data directory with the demo set; returns the accounts to show, or ''. */
function demoAccounts() {
  if (process.env.CYMORTH_DEMO?.trim() === '0') return '';
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--demo-start'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) {
    console.error('Could not prepare the demo data (see above); set CYMORTH_DEMO=0 to skip it.');
    process.exit(seed.status ?? 1);
  }
  return seed.stdout.trimEnd();
}

const accounts = demoAccounts();
const port = process.env.PORT || '8080';
console.log(`Starting Cymorth; it will be at http://localhost:${port}/ once the server is up.`);
// `node --import tsx` is tsx without its extra watcher process, so signals reach the server as sent.
const server = spawn(process.execPath, ['--import', 'tsx', 'sync-server/start.ts'], {
  cwd: root,
  stdio: ['inherit', accounts ? 'pipe' : 'inherit', 'inherit'],
  env: process.env,
});

// The server's own lines pass straight through; the accounts follow the lines that give its URL.
if (accounts && server.stdout) {
  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    console.log(`\n${accounts}\n`);
  };
  createInterface({ input: server.stdout }).on('line', (line) => {
    console.log(line);
    if (line.startsWith('Cymorth is running')) setTimeout(show, 100);
    if (line.startsWith('App files:')) show();
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 0);
});
