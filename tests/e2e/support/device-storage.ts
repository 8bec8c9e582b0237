/**
 * The line a page shows about keeping this device's data must say what the browser itself answers:
 * headless Chromium may grant persistent storage or not, so the test asks `persisted()` in the page
 * once the line is there (the page's own ask has been answered by then) and expects its words.
 */
import { expect, type Page } from '@playwright/test';
import { t, type Lang } from './resident/locales.ts';

export async function expectKeepingLine(
  page: Page,
  lang: Lang,
  keys: 'staff.sync' | 'requests',
): Promise<void> {
  const line = page.locator('.device-storage');
  await expect(line).toBeVisible();
  const kept = await page.evaluate(() => navigator.storage.persisted());
  await expect(line).toHaveText(t(lang, `${keys}.${kept ? 'storage_kept' : 'storage_may_clear'}`));
}
