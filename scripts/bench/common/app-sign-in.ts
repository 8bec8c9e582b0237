/**
 * A member of staff signing in through the built app's own form, as a person does: the sign-in
 * page, username and password, then the staff home the app sends them to. In two steps, so a
 * bench can count what the sign-in page alone fetched.
 */
import type { Page } from '@playwright/test';

export type Credentials = { username: string; password: string };

export async function openSignIn(page: Page, origin: string, lang: 'cy' | 'en'): Promise<void> {
  await page.goto(`${origin}/${lang}/staff/sign-in`, { waitUntil: 'networkidle' });
}

/** On the sign-in page: fills it in, sends it and waits for the staff home. */
export async function submitSignIn(
  page: Page,
  account: Credentials,
  lang: 'cy' | 'en',
): Promise<void> {
  await page
    .locator('input[autocomplete="username"], input[name="username"]')
    .first()
    .fill(account.username);
  await page.locator('input[type="password"]').first().fill(account.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(new RegExp(`/${lang}/staff/?$`), { timeout: 30_000 });
}

export async function signInThroughApp(
  page: Page,
  origin: string,
  account: Credentials,
  lang: 'cy' | 'en' = 'en',
): Promise<void> {
  await openSignIn(page, origin, lang);
  await submitSignIn(page, account, lang);
}
