/**
 * A volunteer signs up in Welsh on their phone and waits, pending, with no requests on their device;
 * a coordinator of their area approves them on another device; the volunteer's device then fills
 * with their area's requests by itself. Sign-up needs a connection: offline it says so and keeps the
 * answers. Every sign-up page passes axe, in Welsh and (one page) in English.
 */
import { canRead } from '#domain/access/access.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import type { Page } from '@playwright/test';
import { staffUserId } from '../../../../sync-server/accounts/staff-user-id.ts';
import { VolunteerSignUpPage, type VolunteerAnswers } from '../../pages/volunteer-sign-up-page.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';
import { hydrated, watchHydration } from '../../support/hydration.ts';
import { t, type Lang } from '../../support/resident/locales.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
const shape = { requests: 40, volunteers: 2, areas: 2, coordinators: 2, seed: 3 };

function answers(areaName: string): VolunteerAnswers {
  return {
    name: 'Nia Haf Jones',
    phone: '07700 900 982',
    areaName,
    skills: ['dbs_checked', 'welsh_speaker'],
    days: [1, 6],
    partsOfDay: ['morning', 'evening'],
    note: 'Dim yn ystod gwyliau’r ysgol',
    username: 'nia.haf',
    password: 'Mae hen wlad fy nhadau',
  };
}

async function signIn(page: Page, lang: Lang, username: string, secret: string) {
  await page.goto(`/${lang}/staff/sign-in`);
  await hydrated(page);
  await page.getByLabel(t(lang, 'staff.sign_in.username')).fill(username);
  await page.getByLabel(t(lang, 'staff.sign_in.password')).fill(secret);
  await page.getByRole('button', { name: t(lang, 'staff.sign_in.button') }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/staff$`));
}

const requestsOnDevice = (lang: Lang, count: number) =>
  t(lang, `staff.sync.requests_on_device_${new Intl.PluralRules(lang).select(count)}`, { count });

test('a volunteer signs up in Welsh, a coordinator approves, and requests reach them', async ({
  page,
  browser,
  baseURL,
  server,
}) => {
  const world = await server.seedStaffWorld({ ...shape, now: new Date() }, password);
  const area = world.docs.find((d): d is AreaDoc => d.type === 'area')!;
  const areaId = area._id.slice('area:'.length);
  const coordinator = world.accounts.find(
    (a) => a.role === 'coordinator' && a.areas.includes(areaId),
  )!;
  const mine = answers(area.name_cy);
  const userId = staffUserId(mine.username);
  const visible = world.docs.filter(
    (d: StaffDoc) =>
      d.type === 'request' &&
      canRead(
        { id: userId, role: 'volunteer', areas: [areaId], disabled: false },
        d,
        undefined,
        new Date().toISOString(),
      ),
  ).length;
  expect(visible).toBeGreaterThan(0);

  // The volunteer, on their phone, in Welsh: a missing answer is an error on the page.
  const signUp = new VolunteerSignUpPage(page, 'cy');
  await signUp.startFromSignIn();
  await signUp.continueButton.click();
  await expect(signUp.errorSummary).toContainText(t('cy', 'signup.errors.name.required'));
  await expect(page).toHaveTitle(new RegExp(`^${t('cy', 'common.error_title_prefix')}`));
  await signUp.answerAll(mine);

  const summary = page.locator('.summary-list');
  await expect(summary).toContainText(mine.name);
  await expect(summary).toContainText(area.name_cy);
  await expect(summary).toContainText(t('cy', 'signup.skills.options.dbs_checked'));
  await expect(summary).toContainText(t('cy', 'common.days.6'));
  await expect(summary).not.toContainText(mine.password);

  // No signal: it says so, and keeps every answer.
  await page.context().setOffline(true);
  await signUp.sendButton.click();
  await expect(page.getByRole('alert')).toContainText(t('cy', 'signup.check.failures.offline'));
  await expect(summary).toContainText(mine.name);
  expect(await server.appServer.storage.serverOnly.get(`user:${mine.username}`)).toBeNull();
  await page.context().setOffline(false);
  await signUp.sendButton.click();
  await expect(signUp.heading).toHaveText(t('cy', 'signup.done.title'));
  await expect(
    page.getByText(t('cy', 'signup.done.username', { username: mine.username })),
  ).toBeVisible();

  const stored = await server.appServer.storage.replicated.get<VolunteerDoc>(
    volunteerDocId(userId),
  );
  expect(stored).toMatchObject({
    approval: 'pending',
    name: mine.name,
    areas: [areaId],
    skills: ['dbs_checked', 'welsh_speaker'],
    availability: { days: ['mon', 'sat'], parts_of_day: ['morning', 'evening'] },
  });

  // Signed in, pending: nothing but their own profile and the areas.
  await signIn(page, 'cy', mine.username, mine.password);
  const panel = page.locator('.sync-panel');
  await expect(panel).toContainText(t('cy', 'staff.sync.everything_on_server'), {
    timeout: 30_000,
  });
  await expect(panel).toContainText(requestsOnDevice('cy', 0));

  // The coordinator of the area, on their own laptop, approves them, confirming the DBS check.
  const laptop = await browser.newContext({ baseURL });
  const coordinatorPage = await laptop.newPage();
  await watchHydration(coordinatorPage);
  await signIn(coordinatorPage, 'cy', coordinator.username, password);
  await coordinatorPage.goto('/cy/staff/volunteers');
  const card = coordinatorPage.locator('article').filter({ hasText: mine.name });
  await expect(card).toContainText(t('cy', 'volunteers.status.pending'), { timeout: 30_000 });
  await expect(card).toContainText(t('cy', 'volunteers.dbs_to_check'));
  await expectNoAxeViolations(coordinatorPage, 'the volunteers page (cy)');
  // With no signal: the approval waits on the laptop and goes up when the signal returns.
  await laptop.setOffline(true);
  await card.getByLabel(t('cy', 'volunteers.approve.dbs_confirm')).check();
  await card.getByRole('button', { name: t('cy', 'volunteers.approve.button') }).click();
  await expect(card).toContainText(t('cy', 'volunteers.status.approved'));
  await expect(card).toContainText(t('cy', 'volunteers.approve.saved'));
  await expect(
    coordinatorPage.getByText(t('cy', 'staff.sync.pending_one', { count: 1 })),
  ).toBeVisible();
  expect(
    (await server.appServer.storage.replicated.get<VolunteerDoc>(volunteerDocId(userId)))?.approval,
  ).toBe('pending');
  await laptop.setOffline(false);
  await expect
    .poll(
      async () =>
        (await server.appServer.storage.replicated.get<VolunteerDoc>(volunteerDocId(userId)))
          ?.approval,
      { timeout: 60_000 },
    )
    .toBe('approved');
  const approved = await server.appServer.storage.replicated.get<VolunteerDoc>(
    volunteerDocId(userId),
  );
  expect(approved?.skills).toContain('dbs_checked');
  await laptop.close();

  // The volunteer's device, syncing all along, now holds their area's requests.
  await expect(panel).toContainText(requestsOnDevice('cy', visible), { timeout: 60_000 });
});

test('the sign-up pages pass axe, in Welsh and in English', async ({ page, server }) => {
  const world = await server.seedStaffWorld({ ...shape, now: new Date() }, password);
  const area = world.docs.find((d): d is AreaDoc => d.type === 'area')!;
  const signUp = new VolunteerSignUpPage(page, 'cy');
  await signUp.startFromSignIn();
  await expectNoAxeViolations(page, 'sign-up name (cy)', { soft: true });
  await signUp.continueButton.click();
  await expect(signUp.errorSummary).toBeVisible();
  await expectNoAxeViolations(page, 'sign-up name with an error (cy)', { soft: true });
  // A username already taken comes back from the server to its own question.
  const taken = { ...answers(area.name_cy), username: 'coordinator1' };
  await signUp.answerAll(taken, async (step) => {
    if (step !== 'name') await expectNoAxeViolations(page, `sign-up ${step} (cy)`, { soft: true });
  });
  await expectNoAxeViolations(page, 'sign-up check (cy)', { soft: true });
  await signUp.sendButton.click();
  await signUp.expectAt('account');
  await expect(signUp.errorSummary).toContainText(t('cy', 'signup.errors.username.taken'));
  await expectNoAxeViolations(page, 'sign-up username taken (cy)', { soft: true });
  // So does a password the server finds too easy to guess (the page itself checks only length).
  const passwordField = page.getByLabel(t('cy', 'signup.account.password'), { exact: true });
  await page.getByLabel(t('cy', 'signup.account.username'), { exact: true }).fill('nia.haf');
  await passwordField.fill('password123');
  await signUp.continueButton.click();
  await signUp.expectAt('check');
  await signUp.sendButton.click();
  await signUp.expectAt('account');
  await expect(signUp.errorSummary).toContainText(t('cy', 'signup.errors.password.guessable'));
  await expectNoAxeViolations(page, 'sign-up password too easy to guess (cy)', { soft: true });
  expect(await server.appServer.storage.serverOnly.get('user:nia.haf')).toBeNull();
  await passwordField.fill(taken.password);
  await signUp.continueButton.click();
  await signUp.expectAt('check');
  await signUp.sendButton.click();
  await expect(signUp.heading).toHaveText(t('cy', 'signup.done.title'));
  await expectNoAxeViolations(page, 'sign-up done (cy)', { soft: true });
  await page.goto('/cy/staff/sign-up');
  await expectNoAxeViolations(page, 'sign-up start (cy)', { soft: true });

  // In English, the areas page reads the areas' English names.
  await page.goto('/en/staff/sign-up/areas');
  await hydrated(page);
  await expect(page.getByRole('checkbox', { name: area.name_en, exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'sign-up areas (en)', { soft: true });
  await page.goto('/en/staff/sign-up/done?username=nia.haf');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'signup.done.title'));
  await expectNoAxeViolations(page, 'sign-up done (en)', { soft: true });
});
