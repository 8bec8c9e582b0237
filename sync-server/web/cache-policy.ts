/**
 * How long browsers and the service worker may keep each file without asking again.
 *
 * - `_app/immutable/*` have content hashes in their names: cache for a year, never revalidate.
 * - Pages, the service worker and its Workbox runtime, the manifest and `_app/version.json` decide
 *   which version of the app runs: always revalidate (ETag → 304), or an update would never arrive.
 * - Anything else (icons, locale files, …): a few minutes.
 */
const immutable = 'public, max-age=31536000, immutable';
const revalidate = 'no-cache';
const short = 'public, max-age=300';

/** `relativePath` is the file's path under the static root, with `/` separators and no leading `/`. */
export function cacheControlFor(relativePath: string): string {
  if (relativePath.startsWith('_app/immutable/')) return immutable;
  if (isRevalidatedAlways(relativePath)) return revalidate;
  return short;
}

function isRevalidatedAlways(relativePath: string): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return (
    relativePath.endsWith('.html') ||
    relativePath === 'sw.js' ||
    relativePath === 'service-worker.js' ||
    /^workbox-[\w-]+\.js$/.test(name) ||
    name === 'manifest.webmanifest' ||
    relativePath === '_app/version.json'
  );
}
