/**
 * The desk bench's page, served from 127.0.0.1 only: the page script (browser/desk-page.ts)
 * bundled with esbuild (tsx's own), as Vite would bundle the app's modules, and the world's
 * documents as JSON chunks the page fetches itself, so 100,000 documents never cross the
 * DevTools protocol.
 */
import { createServer, type Server } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const chunkSize = 5000;

export async function bundleDeskPage(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: [path.join(import.meta.dirname, 'browser', 'desk-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Whitespace only when profiling, so a profile names the functions.
    minify: process.env.BENCH_DESK_PROFILE !== '1',
    minifyWhitespace: true,
    outfile: path.join(dir, 'desk-page.js'),
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'silent',
  });
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>desk bench</title>' +
      '<script src="desk-page.js"></script></head><body></body></html>\n',
  );
}

/** Writes `docs` as `name-<n>.json` chunks; returns their paths from the server's root. */
export async function writeChunks(dir: string, name: string, docs: object[]): Promise<string[]> {
  const urls: string[] = [];
  for (let i = 0; i * chunkSize < docs.length; i++) {
    const file = `${name}-${i}.json`;
    await writeFile(
      path.join(dir, file),
      JSON.stringify(docs.slice(i * chunkSize, (i + 1) * chunkSize)),
    );
    urls.push(`/${file}`);
  }
  return urls;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

/** A static server for `dir` on a free port of 127.0.0.1. */
export async function serveDir(dir: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname) || 'index.html';
    readFile(path.join(dir, name)).then(
      (body) => {
        res.writeHead(200, {
          'content-type': types[path.extname(name)] ?? 'application/octet-stream',
        });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}
