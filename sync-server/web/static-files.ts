/**
 * Serving the built PWA from `staticDir`: files with their cache policy, ETag and 304s; prerendered
 * pages without `.html`; `200.html` (SvelteKit's SPA fallback) for the pages only a device can
 * answer, and a styled not-found page with a 404 for every other unknown address (not-found.ts);
 * each HTML page with a CSP that lists the hashes of its own inline scripts.
 */
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Context, Handler } from 'hono';
import { apiError } from '../http/api-error.ts';
import { cacheControlFor } from './cache-policy.ts';
import { contentTypeFor } from './content-types.ts';
import { HtmlPages } from './html-pages.ts';
import { contentSecurityPolicy } from '../http/security-headers.ts';
import { resolveStaticPath, type StaticTarget } from './static-path.ts';
import { isDeviceRoute, notFoundPage } from './not-found.ts';

type FileTarget = Extract<StaticTarget, { kind: 'file' }>;

const spaFallback = '/200.html';

const etagFor = (file: FileTarget) =>
  `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;

/** RFC 9110 §13.1.2: weak comparison, a list of tags or `*`. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

const isHtml = (file: FileTarget) => path.extname(file.absolutePath) === '.html';

const acceptsHtml = (c: Context) => (c.req.header('Accept') ?? '').includes('text/html');

/** `imageOrigins`: where else pages may load images from (the maps' tiles). */
export function staticFiles(staticDir: string, imageOrigins: readonly string[] = []): Handler {
  const pages = new HtmlPages();
  let root: Promise<string> | null = null;
  const realRoot = () => (root ??= realpath(path.resolve(staticDir)));

  async function serveFile(
    c: Context,
    file: FileTarget,
    status: 200 | 404 = 200,
  ): Promise<Response> {
    const etag = etagFor(file);
    const page = isHtml(file) ? await pages.get(file.absolutePath, file.size, file.mtimeMs) : null;
    c.header('Cache-Control', cacheControlFor(file.relativePath));
    c.header('ETag', etag);
    // Also on a 304: a browser replaces the cached page's headers with the 304's (RFC 9111
    // §4.3.4), so a 304 without the hashes would block the page's own boot script.
    if (page)
      c.header('Content-Security-Policy', contentSecurityPolicy(page.scriptHashes, imageOrigins));
    if (status === 200 && matchesEtag(c.req.header('If-None-Match'), etag))
      return c.body(null, 304);

    c.header('Content-Type', contentTypeFor(path.extname(file.absolutePath)));
    c.header('Content-Length', String(page ? page.body.byteLength : file.size));
    if (c.req.method === 'HEAD') return c.body(null, status);
    if (page) return c.body(new Uint8Array(page.body), status);
    const stream = Readable.toWeb(createReadStream(file.absolutePath));
    return c.body(stream as unknown as ReadableStream<Uint8Array>, status);
  }

  return async (c) => {
    let rootPath: string;
    try {
      rootPath = await realRoot();
    } catch {
      root = null;
      return apiError(c, 404, 'not_found', 'The app has not been built yet (npm run build).');
    }
    const rawPath = new URL(c.req.url).pathname;
    const target = await resolveStaticPath(rootPath, rawPath);
    switch (target.kind) {
      case 'file':
        return serveFile(c, target);
      case 'redirect':
        return c.redirect(target.location + new URL(c.req.url).search, 308);
      case 'bad_path':
        return apiError(c, 400, 'invalid_request', 'That path is not allowed.');
      case 'missing_file':
        return apiError(c, 404, 'not_found', 'There is no such file.');
      case 'unknown_route': {
        const device = isDeviceRoute(rawPath);
        const page = await resolveStaticPath(
          rootPath,
          device ? spaFallback : notFoundPage(rawPath),
        );
        if (!acceptsHtml(c) || page.kind !== 'file') {
          return apiError(c, 404, 'not_found', 'There is nothing at this address.');
        }
        return serveFile(c, page, device ? 200 : 404);
      }
    }
  };
}
