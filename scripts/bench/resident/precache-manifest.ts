/**
 * Figure b (on disk): the precache manifest Workbox inlined into `build/sw.js`
 * (`precacheAndRoute([{url, revision}, …])`) and the size of the files it names, raw and gzipped.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { gzipBytes } from '../common/downloads/gzip-size.ts';

export type PrecacheEntry = { url: string; revision: string | null };

export type PrecacheOnDisk = {
  entries: number;
  rawBytes: number;
  gzipBytes: number;
  /** Largest (gzipped) first. */
  files: { url: string; file: string; rawBytes: number; gzipBytes: number }[];
  /** Manifest URLs with no file in the build. */
  missing: string[];
};

/** The array literal passed to `precacheAndRoute(`, found by matching brackets outside strings. */
export function manifestLiteral(swSource: string): string {
  const call = swSource.indexOf('precacheAndRoute(');
  if (call < 0) throw new Error('no precacheAndRoute( in the service worker');
  const start = swSource.indexOf('[', call);
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < swSource.length; i++) {
    const ch = swSource[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return swSource.slice(start, i + 1);
  }
  throw new Error('unterminated precache manifest in the service worker');
}

export function parsePrecacheManifest(swSource: string): PrecacheEntry[] {
  // A literal of objects, strings and nulls, from our own build; evaluated with no globals.
  const value: unknown = vm.runInNewContext(
    `(${manifestLiteral(swSource)})`,
    {},
    { timeout: 1000 },
  );
  if (!Array.isArray(value)) throw new Error('the precache manifest is not an array');
  return value.map((item: unknown) => {
    const entry = item as Partial<PrecacheEntry> | string;
    if (typeof entry === 'string') return { url: entry, revision: null };
    if (typeof entry?.url !== 'string') throw new Error('a precache entry has no url');
    return { url: entry.url, revision: entry.revision ?? null };
  });
}

/** Where adapter-static put a URL: `/` → index.html, `cy` → cy.html, assets by their name. */
async function fileFor(buildDir: string, url: string): Promise<string | null> {
  const relative = decodeURIComponent(url.split(/[?#]/)[0] ?? '').replace(/^\/+/, '');
  const candidates =
    relative === '' ? ['index.html'] : [relative, `${relative}.html`, `${relative}/index.html`];
  for (const candidate of candidates) {
    const file = path.join(buildDir, candidate);
    if ((await stat(file).catch(() => null))?.isFile()) return file;
  }
  return null;
}

export async function measurePrecacheOnDisk(buildDir: string): Promise<PrecacheOnDisk> {
  const entries = parsePrecacheManifest(await readFile(path.join(buildDir, 'sw.js'), 'utf8'));
  const files: PrecacheOnDisk['files'] = [];
  const missing: string[] = [];
  for (const { url } of entries) {
    const file = await fileFor(buildDir, url);
    if (!file) {
      missing.push(url);
      continue;
    }
    const body = await readFile(file);
    files.push({
      url,
      file: path.relative(buildDir, file),
      rawBytes: body.byteLength,
      gzipBytes: gzipBytes(body),
    });
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes || a.url.localeCompare(b.url));
  return {
    entries: entries.length,
    rawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    files,
    missing,
  };
}
