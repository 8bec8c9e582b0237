/**
 * Staff sign in with the server's session, in either language: mistakes are explained in the
 * page's language, the account is shown once signed in, and signing out ends the session.
 */
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';
import { hydrated } from '../../support/hydration.ts';
import { languages, t } from '../../support/resident/locales.ts';

const password = 'hir-a-chryf-2026';

for (const lang of languages) {
  test(`a coordinator signs in and out (${lang})`, async ({ page, server }) => {
    const username = `cydlynydd${Date.now() % 1_000_000}${lang}`;
    await server.createStaffAccount({
      username,
      displayName: 'Catrin Pritchard',
      role: 'coordinator',
      areas: ['ceredigion'],
      password,
    });

    await page.goto(`/${lang}/staff/sign-in`);
    await hydrated(page);
    const signIn = page.getByRole('button', { name: t(lang, 'staff.sign_in.button') });

    await signIn.click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(t(lang, 'staff.sign_in.errors.username_required'));
    await expect(summary).toContainText(t(lang, 'staff.sign_in.errors.password_required'));
    await expect(page).toHaveTitle(new RegExp(`^${t(lang, 'common.error_title_prefix')}`));
    await expectNoAxeViolations(page, `sign-in with errors (${lang})`);

    await page.getByLabel(t(lang, 'staff.sign_in.username')).fill(username);
    await page.getByLabel(t(lang, 'staff.sign_in.password')).fill('not-the-password');
    await signIn.click();
    await expect(summary).toHaveText(
      new RegExp(t(lang, 'staff.sign_in.errors.invalid_credentials').replace(/[()]/g, '\\$&')),
    );

    await page.getByLabel(t(lang, 'staff.sign_in.password')).fill(password);
    await signIn.click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/staff$`));
    await expect(
      page.getByText(t(lang, 'staff.home.signed_in_as', { name: 'Catrin Pritchard' })),
    ).toBeVisible();
    await expect(
      page.getByText(t(lang, 'staff.home.roles.coordinator'), { exact: true }),
    ).toBeVisible();
    await expectNoAxeViolations(page, `staff home (${lang})`);
    expect((await page.request.get('/api/session')).status()).toBe(200);

    await page.getByRole('button', { name: t(lang, 'staff.home.sign_out') }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/staff/sign-in$`));
    expect((await page.request.get('/api/session')).status()).toBe(401);
    // Coming back to the staff page on this device asks for sign-in again.
    await page.goto(`/${lang}/staff`);
    await expect(page).toHaveURL(new RegExp(`/${lang}/staff/sign-in$`));
  });
}
