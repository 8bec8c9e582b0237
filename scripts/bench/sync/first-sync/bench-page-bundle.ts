/**
 * Bundles the bench page (browser/bench-page.ts) with esbuild (tsx's own) into a directory with an
 * `index.html` that loads it: the same packages the app ships (pouchdb-browser, the `indexeddb`
 * adapter, Dexie), resolved from node_modules.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleBenchPage(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: [path.join(import.meta.dirname, 'browser', 'bench-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile: path.join(dir, 'bench-page.js'),
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'silent',
  });
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sync bench</title>' +
      '<script src="bench-page.js"></script></head><body></body></html>\n',
  );
  return dir;
}
