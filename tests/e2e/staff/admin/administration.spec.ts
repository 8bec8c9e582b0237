/**
 * An admin at work in either language: adds an area (a bad district is explained and nothing is
 * saved), adds a coordinator who chooses their own password with the one-time code, and disables
 * a volunteer, whose device is wiped at its next sync. Every page is checked with axe, with and
 * without errors, and driven by what a person reads.
 */
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';
import { StaffWork } from '../../pages/staff-work.ts';
import { userDatabases } from '../../support/app/staff-device-stores.ts';
import { hydrated } from '../../support/hydration.ts';
import { languages } from '../../support/resident/locales.ts';

const password = 'hir-a-chryf-2026';

for (const lang of languages) {
  test(`an admin adds an area and a coordinator, and disables a volunteer (${lang})`, async ({
    page,
    server,
    browser,
    baseURL,
    request,
  }) => {
    test.slow();
    const run = `${Date.now() % 100_000}${lang}`;
    await server.createStaffAccount({ username: `pennaeth${run}`, role: 'admin', password });
    await server.createStaffAccount({
      username: `gwirfoddolwr${run}`,
      role: 'volunteer',
      password,
    });

    // The volunteer is signed in on their own phone.
    const phone = await browser.newContext({ baseURL });
    const volunteer = await StaffWork.open(phone, lang);
    await volunteer.signIn(`gwirfoddolwr${run}`, password);

    const admin = new StaffWork(page, lang);
    const say = (key: string, vars?: Record<string, string | number>) => admin.text(key, vars);
    await admin.signIn(`pennaeth${run}`, password);
    await page.getByRole('link', { name: say('admin.home_link') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(say('admin.title'));
    await expectNoAxeViolations(page, `administration (${lang})`);

    // Messages to residents: this server has no Notify key, and says so.
    await page.getByRole('link', { name: say('admin.messages.home_link') }).click();
    await expect(page.getByTestId('notify-configured')).toHaveText(
      say('admin.messages.not_configured'),
    );
    await expectNoAxeViolations(page, `messages to residents (${lang})`);
    await page.getByRole('link', { name: say('common.back') }).click();

    // An area: a district that does not exist is named, and nothing is saved until it is right.
    await page.getByRole('link', { name: say('admin.areas.title') }).click();
    await page.getByRole('link', { name: say('admin.areas.add') }).click();
    const area = { cy: `Dyffryn ${run}`, en: `Valley ${run}` };
    await page.getByLabel(say('admin.areas.name_cy')).fill(area.cy);
    await page.getByLabel(say('admin.areas.name_en')).fill(area.en);
    // A district per run, so the two languages' areas on one server never share one.
    const district = lang === 'cy' ? 'SY25' : 'LL58';
    await page.getByLabel(say('admin.areas.districts')).fill(`${district}, ZZ1`);
    await page.getByRole('button', { name: say('admin.areas.save') }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText(
      say('admin.areas.errors.postcode_districts.unknown_district', { district: 'ZZ1' }),
    );
    await expect(page).toHaveTitle(new RegExp(`^${say('common.error_title_prefix')}`));
    await expectNoAxeViolations(page, `an area with an error (${lang})`);
    // Keyboard: the summary's link takes focus to the field.
    await summary.getByRole('link').press('Enter');
    await expect(page.getByLabel(say('admin.areas.districts'))).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(district.toLowerCase());
    await page.keyboard.press('Enter');
    const name = lang === 'cy' ? area.cy : area.en;
    await expect(page.getByText(say('admin.areas.created', { name }))).toBeVisible();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expectNoAxeViolations(page, `the areas (${lang})`);

    // The audit log has it, by who did it, and narrows to one kind of action.
    await page.getByRole('link', { name: say('common.back'), exact: true }).click();
    await page.getByRole('link', { name: say('admin.audit.home_link') }).click();
    const created = page.locator('[data-testid="audit"] tr[data-action="area_created"]');
    await expect(created.first()).toContainText(say('admin.audit.actions.area_created'));
    await page.getByLabel(say('admin.audit.action_label')).selectOption('area_created');
    await expect(page).toHaveURL(/action=area_created/);
    await expect(page.locator('[data-testid="audit"] tbody tr').first()).toHaveAttribute(
      'data-action',
      'area_created',
    );
    await expectNoAxeViolations(page, `the audit log (${lang})`);

    // A coordinator of that area, who chooses their own password with the code.
    await page.getByRole('link', { name: say('common.back'), exact: true }).click();
    await page.getByRole('link', { name: say('admin.accounts.title') }).click();
    await page.getByRole('link', { name: say('admin.accounts.add') }).click();
    await page.getByLabel(say('admin.accounts.username')).fill(`pennaeth${run}`);
    await page.getByLabel(say('admin.accounts.display_name')).fill('Catrin Pritchard');
    await page.getByLabel(say('staff.home.roles.coordinator')).check();
    await page.getByLabel(name).check();
    await page.getByRole('button', { name: say('admin.accounts.create') }).click();
    await expect(summary).toContainText(say('admin.accounts.errors.username.taken'));
    await expectNoAxeViolations(page, `a new account with an error (${lang})`);
    await page.getByLabel(say('admin.accounts.username')).fill(`cydlynydd${run}`);
    await page.getByRole('button', { name: say('admin.accounts.create') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(say('admin.accounts.created'));
    const code = (await page.getByTestId('reset-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expectNoAxeViolations(page, `a new account's code (${lang})`);

    const newcomer = await browser.newContext({ baseURL });
    const { page: choosing } = await StaffWork.open(newcomer, lang);
    await choosing.goto(`/${lang}/staff/set-password`);
    await hydrated(choosing);
    await choosing.getByLabel(say('admin.password.username')).fill(`cydlynydd${run}`);
    await choosing.getByLabel(say('admin.password.code')).fill(code.toLowerCase());
    await choosing.getByLabel(say('admin.password.password')).fill(password);
    await choosing.getByRole('button', { name: say('admin.password.button') }).click();
    await expect(choosing.getByText(say('admin.password.done'))).toBeVisible();
    await expectNoAxeViolations(choosing, `a password chosen (${lang})`);
    await newcomer.close();
    const signIn = await request.post('/api/session', {
      data: { username: `cydlynydd${run}`, password },
    });
    expect(await signIn.json()).toMatchObject({ role: 'coordinator', areas: [expect.any(String)] });

    // The volunteer is disabled: their phone is wiped at its next sync.
    await page.getByRole('link', { name: say('admin.accounts.title') }).click();
    await page
      .getByRole('link', { name: `${say('admin.accounts.change')} gwirfoddolwr${run}` })
      .click();
    await expectNoAxeViolations(page, `an account (${lang})`);
    await page.getByRole('button', { name: say('admin.accounts.disable') }).click();
    await expect(page.getByText(say('admin.accounts.disabled_done'))).toBeVisible();
    await expect(volunteer.page).toHaveURL(new RegExp(`/${lang}/staff/sign-in$`), {
      timeout: 90_000,
    });
    await expect.poll(() => userDatabases(volunteer.page, `gwirfoddolwr${run}`)).toEqual([]);
    await expect(volunteer.page.locator('.inset--waiting')).toHaveText(
      say('staff.device_end.disabled'),
    );
    await phone.close();
  });
}
