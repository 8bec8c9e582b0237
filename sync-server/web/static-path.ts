/**
 * Mapping a URL path to a file under the static root, the way SvelteKit's adapter-static lays a
 * build out with `trailingSlash: 'never'`: `/` → `index.html`, `/en/request/kind` →
 * `en/request/kind.html`, assets by their own name. Nothing outside the root is ever reachable:
 * dot segments (also percent-encoded ones), encoded slashes, NUL bytes, backslashes and symlinks
 * that lead out are refused.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export type StaticTarget =
  | { kind: 'file'; absolutePath: string; relativePath: string; size: number; mtimeMs: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'bad_path' }
  | { kind: 'missing_file' }
  | { kind: 'unknown_route' };

async function fileInside(root: string, relativePath: string) {
  const absolutePath = path.resolve(root, relativePath);
  if (!absolutePath.startsWith(root + path.sep)) return null;
  try {
    const real = await realpath(absolutePath);
    if (!real.startsWith(root + path.sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { absolutePath: real, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** `root` must already be a real path (see `realpath`); `rawPath` is the URL path, still encoded. */
export async function resolveStaticPath(root: string, rawPath: string): Promise<StaticTarget> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad_path' };
  }
  // An encoded slash would make segments the raw path does not have (and `/a%2F`, read as a
  // trailing slash, redirected to itself for ever: found by the fuzz suite).
  if (/%2f/i.test(rawPath)) return { kind: 'bad_path' };
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) {
    return { kind: 'bad_path' };
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return { kind: 'bad_path' };

  if (decoded.length > 1 && decoded.endsWith('/')) {
    // Relative to this origin only: `//host/` must not become a redirect to another site.
    const location = `/${rawPath.replace(/^\/+/, '').replace(/\/+$/, '')}`;
    return { kind: 'redirect', location };
  }
  if (segments.some((s) => s.startsWith('.') && s !== '.well-known')) {
    return { kind: 'missing_file' };
  }

  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const hasExtension = path.posix.extname(segments[segments.length - 1] ?? '') !== '';
  const candidates = hasExtension ? [relative] : [relative, `${relative}.html`];
  for (const candidate of candidates) {
    const found = await fileInside(root, candidate);
    if (found) {
      const relativePath = path.relative(root, found.absolutePath).split(path.sep).join('/');
      return { kind: 'file', relativePath, ...found };
    }
  }
  return hasExtension ? { kind: 'missing_file' } : { kind: 'unknown_route' };
}
