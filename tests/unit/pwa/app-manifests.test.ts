import { describe, expect, it } from 'vitest';
import { manifestHrefFor } from '$lib/pwa/app-manifests.ts';

describe('the manifest a page links', () => {
  it.each([
    ['/cy/staff', '/cy/staff/manifest.webmanifest'],
    ['/en/staff', '/en/staff/manifest.webmanifest'],
    ['/cy/staff/sign-in', '/cy/staff/manifest.webmanifest'],
    ['/en/staff/requests/7f3a', '/en/staff/manifest.webmanifest'],
  ])('is the staff app of its language on a staff page: %s', (pathname, href) => {
    expect(manifestHrefFor(pathname)).toBe(href);
  });

  it.each(['/', '/cy', '/en/request/kind', '/en/staffroom', '/staff', '/200.html'])(
    "is the resident's app everywhere else: %s",
    (pathname) => {
      expect(manifestHrefFor(pathname)).toBe('/manifest.webmanifest');
    },
  );
});
