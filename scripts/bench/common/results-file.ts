/** `bench-results/<timestamp>.json` (gitignored): everything measured, for later comparison. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './repo-root.ts';

export async function writeResults(startedAt: Date, results: unknown): Promise<string> {
  const dir = path.join(repoRoot, 'bench-results');
  await mkdir(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${stamp}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return path.relative(repoRoot, file);
}
