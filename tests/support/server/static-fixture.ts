/**
 * A small stand-in for `vite build` output, laid out as adapter-static and Workbox lay it out, so
 * the static tests do not depend on the UI being buildable right now.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const inlineScripts = {
  index: '\n\t\t\t{ __sveltekit_fixture = { base: "" }; import("/_app/immutable/x.js"); }\n\t\t',
  kind: 'window.__page = "kind";',
  fallback: '{ __sveltekit_fixture = { spa: true }; }',
  // Saved on Windows: the browser hashes the script after turning CRLF into LF.
  crlf: 'let a = 1;\r\nlet b = 2;\r\n',
};

const page = (title: string, script: string) =>
  `<!doctype html><html lang="cy"><head><title>${title}</title>` +
  `<script src="/_app/immutable/x.js" type="module"></script>` +
  `<script>${script}</script></head><body><h1>${title}</h1></body></html>`;

export const fixtureFiles: Record<string, string> = {
  'index.html': page('Cymorth', inlineScripts.index),
  '200.html': page('Cymorth SPA', inlineScripts.fallback),
  'en/request/kind.html': page('What do you need?', inlineScripts.kind),
  'cy/crlf.html': page('CRLF', inlineScripts.crlf),
  'cy/not-found.html': page("Heb ddod o hyd i'r dudalen", inlineScripts.kind),
  'en/not-found.html': page('Page not found', inlineScripts.kind),
  'not-found.html': page("Heb ddod o hyd i'r dudalen / Page not found", inlineScripts.kind),
  '_app/immutable/x.js': 'export const x = 1;\n'.repeat(50),
  '_app/version.json': '{"version":"1"}',
  'sw.js': 'importScripts("/workbox-abc123.js");\n',
  'workbox-abc123.js': 'self.workbox = {};\n',
  'manifest.webmanifest': '{"name":"Cymorth","start_url":"/"}',
  'favicon.png': '\u0089PNG fake',
  'locales/cy/common.json': '{"hello":"Helo"}',
};

/** Outside the static root; no request may ever return it. */
export const secretMarker = 'TOP-SECRET-NOT-SERVED';

/** Writes the fixture to `<root>/static` and a secret to `<root>/secret.txt`; returns the static dir. */
export async function writeStaticFixture(root: string): Promise<string> {
  const staticDir = path.join(root, 'static');
  for (const [name, content] of Object.entries(fixtureFiles)) {
    const file = path.join(staticDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  await writeFile(path.join(root, 'secret.txt'), secretMarker);
  await symlink(path.join(root, 'secret.txt'), path.join(staticDir, 'linked-secret.txt'));
  return staticDir;
}
