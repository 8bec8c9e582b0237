/**
 * The server's list of pages a device answers (sync-server/web/not-found.ts) held to the routes:
 * every page under a `prerender = false` route is one, and no prerendered page is, so a new
 * device-only page cannot be answered with a 404 without this test failing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDeviceRoute, notFoundPage } from '../../../../sync-server/web/not-found.ts';

const routes = path.resolve('src/routes');

/** Every page route (a folder with +page.svelte), with whether it is prerendered. */
function pages(dir = routes, prerendered = true): { route: string; prerendered: boolean }[] {
  const here = (name: string) => path.join(dir, name);
  const says = (file: string) =>
    statSync(here(file), { throwIfNoEntry: false })?.isFile()
      ? /prerender\s*=\s*false/.test(readFileSync(here(file), 'utf8'))
      : false;
  const own = prerendered && !says('+page.ts') && !says('+layout.ts');
  const found = statSync(here('+page.svelte'), { throwIfNoEntry: false })
    ? [{ route: path.relative(routes, dir), prerendered: own }]
    : [];
  for (const name of readdirSync(dir)) {
    if (statSync(here(name)).isDirectory()) found.push(...pages(here(name), own));
  }
  return found;
}

/** An address of a route: `[lang=lang]` as each language, `[id]` as an id. */
const addresses = (route: string) =>
  ['cy', 'en'].map(
    (lang) =>
      '/' +
      route
        .replace('[lang=lang]', lang)
        .replace(/\[[a-z]+\]/g, 'an-id-4a5b')
        .split(path.sep)
        .join('/'),
  );

describe('isDeviceRoute', () => {
  const all = pages();
  it('knows every page that is not prerendered, and no page that is', () => {
    expect(all.filter((p) => !p.prerendered).length).toBeGreaterThanOrEqual(5);
    for (const { route, prerendered } of all) {
      for (const address of addresses(route))
        expect([address, isDeviceRoute(address)]).toEqual([address, !prerendered]);
    }
  });

  it('is not fooled by a longer or shorter address', () => {
    expect(isDeviceRoute('/cy/staff/requests')).toBe(false);
    expect(isDeviceRoute('/cy/staff/requests/a/b')).toBe(false);
    expect(isDeviceRoute('/fr/staff/requests/a')).toBe(false);
    expect(isDeviceRoute('/cy/staff/volunteers/a/other')).toBe(false);
  });
});

describe('notFoundPage', () => {
  it('is in the address language, or both on a neutral address', () => {
    expect(notFoundPage('/cy/x/y')).toBe('/cy/not-found.html');
    expect(notFoundPage('/en')).toBe('/en/not-found.html');
    expect(notFoundPage('/x')).toBe('/not-found.html');
  });
});
