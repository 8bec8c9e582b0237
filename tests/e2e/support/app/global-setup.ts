/**
 * Builds the app once for the run and copies the output to a temporary directory, so a rebuild of
 * `build/` by someone else while the suite runs cannot change the app under test. With
 * `CYMORTH_E2E_BUILD` already set to a built copy, that copy is tested as it is (no build).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.CYMORTH_E2E_BUILD) return undefined;
  execFileSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const root = await mkdtemp(path.join(tmpdir(), 'cymorth-e2e-build-'));
  const buildDir = path.join(root, 'build');
  await cp('build', buildDir, { recursive: true });
  // Read by the workers (support/app-server.ts): Playwright starts them with this environment.
  process.env.CYMORTH_E2E_BUILD = buildDir;
  return () => rm(root, { recursive: true, force: true });
}
