/**
 * The staff app on the home screen (issue 10), in both languages: the staff home links a manifest
 * of its own, named in its language, opening on and covering the staff pages, with PNG icons that
 * are served and of the size they claim, the maskable one with nothing outside the safe zone;
 * Chromium reads it without complaint. The home offers installing only while the browser does.
 * Resident pages keep linking the resident's manifest, also after moving to staff pages and back.
 */
import type { Page } from '@playwright/test';
import { StaffWork } from '../../pages/staff-work.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';
import { hydrated } from '../../support/hydration.ts';
import { languages, t } from '../../support/resident/locales.ts';

const password = 'hir-a-chryf-2026';

type Icon = { src: string; sizes: string; type: string; purpose: string };
type Manifest = Record<string, unknown> & { icons: Icon[] };

const manifestLink = (page: Page) => page.locator('link[rel="manifest"]');

/** The manifest the page links, as the server answers it. */
async function linkedManifest(page: Page) {
  await expect(manifestLink(page)).toHaveCount(1);
  const href = (await manifestLink(page).getAttribute('href'))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json\b/);
  return { href, manifest: JSON.parse(await response.text()) as Manifest };
}

/**
 * The icon as the page decodes it: its size, and how many pixels outside the safe zone of a
 * maskable icon (the centred circle of 40% of the width, https://www.w3.org/TR/appmanifest/#icon-masks)
 * differ from its top-left corner, which must be opaque.
 */
function drawIcon(page: Page, src: string) {
  return page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const { naturalWidth: width, naturalHeight: height } = image;
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width, height });
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, width, height).data;
    const corner = pixels.slice(0, 4).join();
    let outsideUnlikeCorner = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const inSafeZone = Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2) <= 0.4 * width;
        const at = (y * width + x) * 4;
        if (!inSafeZone && pixels.slice(at, at + 4).join() !== corner) outsideUnlikeCorner++;
      }
    }
    return { size: `${width}x${height}`, cornerAlpha: pixels[3], outsideUnlikeCorner };
  }, src);
}

/** What Chromium makes of the manifest the page links (DevTools' Application panel). */
async function chromiumReading(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { url, errors } = await cdp.send('Page.getAppManifest');
  await cdp.detach();
  return { url, errors };
}

/** Stands in for Chromium's offer to install, which a test browser never makes by itself. */
function offerInstall(page: Page) {
  return page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    const recorded = window as { cymorthPrompted?: number };
    recorded.cymorthPrompted = 0;
    Object.assign(offer, {
      prompt: () => Promise.resolve((recorded.cymorthPrompted! += 1)),
    });
    window.dispatchEvent(offer);
    return offer.defaultPrevented;
  });
}

test.describe('on the staff home', () => {
  test.use({ ownServer: true });

  for (const lang of languages) {
    test(`the staff app's manifest, and installing it (${lang})`, async ({ page, server }) => {
      await server.seedStaffWorld(
        { requests: 5, volunteers: 1, areas: 1, coordinators: 1, seed: 3, now: new Date() },
        password,
      );
      const work = new StaffWork(page, lang);
      await work.signIn('coordinator1', password);

      const { href, manifest } = await linkedManifest(page);
      expect(href).toBe(`/${lang}/staff/manifest.webmanifest`);
      expect(manifest).toMatchObject({
        id: `/${lang}/staff`,
        start_url: `/${lang}/staff`,
        scope: `/${lang}/staff`,
        lang,
        name: t(lang, 'staff.app.name'),
        short_name: t(lang, 'staff.app.short_name'),
        description: t(lang, 'staff.app.description'),
        display: 'standalone',
      });
      const resident = (await page.request.get('/manifest.webmanifest').then((r) => r.json())) as
        Manifest | undefined;
      expect(manifest.theme_color).toBe(resident?.theme_color);
      expect(manifest.background_color).toBe(resident?.background_color);
      expect(await chromiumReading(page)).toEqual({
        url: new URL(href, page.url()).href,
        errors: [],
      });

      expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
        '192x192 any',
        '512x512 any',
        '512x512 maskable',
      ]);
      for (const icon of manifest.icons) {
        const response = await page.request.get(icon.src);
        expect(response.status(), icon.src).toBe(200);
        expect(response.headers()['content-type'], icon.src).toBe('image/png');
        expect(icon.type).toBe('image/png');
        const drawn = await drawIcon(page, icon.src);
        expect(drawn.size, icon.src).toBe(icon.sizes);
        if (icon.purpose === 'maskable') {
          expect(drawn).toMatchObject({ cornerAlpha: 255, outsideUnlikeCorner: 0 });
        }
      }

      const install = page.getByRole('button', { name: t(lang, 'staff.home.install_button') });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(install).toHaveCount(0);
      expect(await offerInstall(page)).toBe(true);
      await expect(install).toBeVisible();
      await expectNoAxeViolations(page, `the staff home offering to install (${lang})`);
      await install.click();
      await expect(install).toHaveCount(0);
      expect(
        await page.evaluate(() => (window as { cymorthPrompted?: number }).cymorthPrompted),
      ).toBe(1);

      // Offered again, then installed some other way (the browser's menu): nothing left to offer.
      await offerInstall(page);
      await expect(install).toBeVisible();
      await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
      await expect(install).toHaveCount(0);
    });
  }
});

test("resident pages link the resident's manifest, staff pages the staff one", async ({ page }) => {
  for (const path of ['/', '/cy', '/en/about']) {
    await page.goto(path);
    const { href, manifest } = await linkedManifest(page);
    expect(href, path).toBe('/manifest.webmanifest');
    expect(manifest, path).toMatchObject({ start_url: '/', scope: '/' });
  }

  // Moving within the app changes the link with the page, both ways.
  await page.goto('/cy');
  await hydrated(page);
  await page.getByRole('link', { name: t('cy', 'common.footer.staff_sign_in') }).click();
  await expect(page).toHaveURL(/\/cy\/staff\/sign-in$/);
  await expect(manifestLink(page)).toHaveAttribute('href', '/cy/staff/manifest.webmanifest');
  await page.goBack();
  await expect(page).toHaveURL(/\/cy$/);
  await expect(manifestLink(page)).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(manifestLink(page)).toHaveCount(1);
});
