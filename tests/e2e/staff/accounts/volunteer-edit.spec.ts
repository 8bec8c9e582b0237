/**
 * A coordinator changes a pending volunteer's areas and skills and then rejects the sign-up, in
 * Welsh and in English: each change on a page of its own (an empty choice is an error on the page),
 * the rejection confirmed first, made with the keyboard and with no signal, reaching the server when
 * the signal returns. The profile is kept, not deleted, and the volunteer sees on their home page
 * that they were not approved. Every page passes axe.
 */
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';
import { hydrated, watchHydration } from '../../support/hydration.ts';
import { KeyboardUser } from '../../support/keyboard-user.ts';
import { t, type Lang } from '../../support/resident/locales.ts';
import type { ServerSide } from '../../support/app/server-side.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
// One coordinator covers every area, so they can move a volunteer from one to another.
const shape = { requests: 20, volunteers: 4, areas: 2, coordinators: 1, seed: 11 };

async function signIn(page: Page, lang: Lang, username: string, secret: string) {
  await page.goto(`/${lang}/staff/sign-in`);
  await hydrated(page);
  await page.getByLabel(t(lang, 'staff.sign_in.username')).fill(username);
  await page.getByLabel(t(lang, 'staff.sign_in.password')).fill(secret);
  await page.getByRole('button', { name: t(lang, 'staff.sign_in.button') }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/staff$`));
}

/** A volunteer signs up through the API, as the sign-up pages send it; their user id comes back at sign-in. */
async function signUp(server: ServerSide, username: string, name: string, area: string) {
  const res = await server.api.post(`${server.url}/api/volunteers`, {
    data: {
      username,
      password,
      name,
      phone: '07700 900 982',
      areas: [area],
      skills: ['driver', 'dbs_checked'],
      availability: { days: ['mon'], parts_of_day: ['evening'], note: '' },
    },
  });
  expect(res.status()).toBe(201);
}

async function storedProfile(server: ServerSide, userId: string) {
  return server.appServer.storage.replicated.get<VolunteerDoc>(volunteerDocId(userId));
}

async function userIdOf(page: Page): Promise<string> {
  const me = await page.request.get('/api/session');
  return ((await me.json()) as { user_id: string }).user_id;
}

const people = { cy: ['nia.haf', 'Nia Haf Jones'], en: ['owen.price', 'Owen Price'] } as const;

for (const lang of ['cy', 'en'] as const) {
  test(`a coordinator changes a sign-up's areas and skills, then rejects it (${lang})`, async ({
    page,
    browser,
    baseURL,
    server,
  }) => {
    const world = await server.seedStaffWorld({ ...shape, now: new Date() }, password);
    const [first, second] = world.docs.filter((d): d is AreaDoc => d.type === 'area');
    const areaName = (a: AreaDoc) => (lang === 'cy' ? a.name_cy : a.name_en);
    const idOf = (a: AreaDoc) => a._id.slice('area:'.length);
    const coordinator = world.accounts.find((a) => a.role === 'coordinator')!;
    const [username, name] = people[lang];
    await signUp(server, username, name, idOf(first!));

    // The volunteer signs in once, pending, and learns their id from the session.
    const phone = await browser.newContext({ baseURL });
    const volunteerPage = await phone.newPage();
    await watchHydration(volunteerPage);
    await signIn(volunteerPage, lang, username, password);
    const userId = await userIdOf(volunteerPage);
    await expect(volunteerPage.locator('.approval-notice')).toContainText(
      t(lang, 'volunteers.notice.title'),
      { timeout: 30_000 },
    );

    await signIn(page, lang, coordinator.username, password);
    await page.getByRole('link', { name: t(lang, 'volunteers.home_link') }).click();
    const card = page.locator('article').filter({ hasText: name });
    await expect(card).toContainText(t(lang, 'volunteers.status.pending'), { timeout: 30_000 });
    await expect(card).toContainText(areaName(first!));
    await expectNoAxeViolations(page, `the volunteers page (${lang})`, { soft: true });

    // Areas: nothing chosen is an error on the page; then the volunteer moves to the other area.
    await card
      .getByRole('link', { name: t(lang, 'volunteers.edit.change_areas', { name }) })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      t(lang, 'volunteers.edit.areas_title'),
    );
    await expectNoAxeViolations(page, `change areas (${lang})`, { soft: true });
    await page.getByRole('checkbox', { name: areaName(first!), exact: true }).uncheck();
    await page.getByRole('button', { name: t(lang, 'volunteers.edit.save') }).click();
    const errorSummary = page.getByRole('alert').filter({
      hasText: t(lang, 'common.error_summary_title'),
    });
    await expect(errorSummary).toContainText(t(lang, 'volunteers.edit.errors.required'));
    await expect(page).toHaveTitle(new RegExp(`^${t(lang, 'common.error_title_prefix')}`));
    await expectNoAxeViolations(page, `change areas with an error (${lang})`, { soft: true });
    await page.getByRole('checkbox', { name: areaName(second!), exact: true }).check();
    await page.getByRole('button', { name: t(lang, 'volunteers.edit.save') }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/staff/volunteers$`));
    await expect(page.getByText(t(lang, 'volunteers.saved.areas', { name }))).toBeVisible();
    await expect(card).toContainText(areaName(second!));
    await expect(card).not.toContainText(areaName(first!));
    await expect
      .poll(async () => (await storedProfile(server, userId))?.areas, { timeout: 30_000 })
      .toEqual([idOf(second!)]);

    // Skills: before approval the declared DBS check is not the coordinator's to tick here.
    await card
      .getByRole('link', { name: t(lang, 'volunteers.edit.change_skills', { name }) })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      t(lang, 'volunteers.edit.skills_title'),
    );
    await expect(page.getByText(t(lang, 'volunteers.edit.dbs_declared'))).toBeVisible();
    await expect(
      page.getByRole('checkbox', { name: t(lang, 'volunteers.edit.dbs_confirmed') }),
    ).toHaveCount(0);
    await expectNoAxeViolations(page, `change skills (${lang})`, { soft: true });
    await page.getByRole('checkbox', { name: t(lang, 'volunteers.skills.driver') }).uncheck();
    await page.getByRole('checkbox', { name: t(lang, 'volunteers.skills.welsh_speaker') }).check();
    await page.getByRole('button', { name: t(lang, 'volunteers.edit.save') }).click();
    await expect(page.getByText(t(lang, 'volunteers.saved.skills', { name }))).toBeVisible();
    await expect
      .poll(async () => (await storedProfile(server, userId))?.skills, { timeout: 30_000 })
      .toEqual(['dbs_checked', 'welsh_speaker']);

    // Reject: confirmed on a page of its own, pressed with the keyboard, with no signal.
    await card.getByRole('link', { name: t(lang, 'volunteers.reject.link') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      t(lang, 'volunteers.reject.title'),
    );
    await expect(page.getByText(t(lang, 'volunteers.reject.no_requests', { name }))).toBeVisible();
    await expectNoAxeViolations(page, `reject a sign-up (${lang})`, { soft: true });
    await page.context().setOffline(true);
    await new KeyboardUser(page).press(
      page.getByRole('button', { name: t(lang, 'volunteers.reject.button') }),
      'Enter',
    );
    await expect(page).toHaveURL(new RegExp(`/${lang}/staff/volunteers$`));
    await expect(page.getByText(t(lang, 'volunteers.saved.rejected', { name }))).toBeVisible();
    await expect(card).toContainText(t(lang, 'volunteers.status.rejected'));
    await expect(card.getByRole('link', { name: t(lang, 'volunteers.reject.link') })).toHaveCount(
      0,
    );
    expect((await storedProfile(server, userId))?.approval).toBe('pending');
    await page.context().setOffline(false);
    await expect
      .poll(async () => (await storedProfile(server, userId))?.approval, { timeout: 60_000 })
      .toBe('rejected');
    // Nothing else of the profile is lost.
    expect(await storedProfile(server, userId)).toMatchObject({
      name,
      phone: '07700900982',
      areas: [idOf(second!)],
      skills: ['dbs_checked', 'welsh_speaker'],
    });

    // The volunteer's device, syncing all along, now says they were not approved.
    const notice = volunteerPage.locator('.approval-notice');
    await expect(notice).toContainText(t(lang, 'volunteers.notice.rejected_title'), {
      timeout: 60_000,
    });
    await expect(notice).toContainText(t(lang, 'volunteers.notice.rejected_contact'));
    await expectNoAxeViolations(volunteerPage, `a rejected volunteer's home (${lang})`, {
      soft: true,
    });
    await phone.close();
  });
}

test('an approved volunteer gets a confirmed DBS check, and cannot be rejected', async ({
  page,
  server,
}) => {
  const world = await server.seedStaffWorld({ ...shape, now: new Date() }, password);
  const coordinator = world.accounts.find((a) => a.role === 'coordinator')!;
  const profile = world.docs.find(
    (d): d is VolunteerDoc =>
      d.type === 'volunteer' && d.approval === 'approved' && !d.skills.includes('dbs_checked'),
  )!;
  const uuid = profile._id.slice('volunteer:'.length);

  await signIn(page, 'en', coordinator.username, password);
  await page.goto('/en/staff/volunteers');
  const card = page.locator('article').filter({ hasText: profile.name });
  await expect(card).toContainText(t('en', 'volunteers.status.approved'), { timeout: 30_000 });
  await expect(card.getByRole('link', { name: t('en', 'volunteers.reject.link') })).toHaveCount(0);

  await card
    .getByRole('link', { name: t('en', 'volunteers.edit.change_skills', { name: profile.name }) })
    .click();
  const dbs = page.getByRole('checkbox', { name: t('en', 'volunteers.edit.dbs_confirmed') });
  await expect(dbs).not.toBeChecked();
  await dbs.check();
  await page.getByRole('button', { name: t('en', 'volunteers.edit.save') }).click();
  await expect(
    page.getByText(t('en', 'volunteers.saved.skills', { name: profile.name })),
  ).toBeVisible();
  await expect(card).toContainText(t('en', 'volunteers.skills.dbs_checked'));
  await expect
    .poll(
      async () =>
        (await server.appServer.storage.replicated.get<VolunteerDoc>(profile._id))?.skills,
      { timeout: 30_000 },
    )
    .toContain('dbs_checked');

  // Cancel changes nothing; a reject page reached by its address says it is too late.
  await card
    .getByRole('link', { name: t('en', 'volunteers.edit.change_areas', { name: profile.name }) })
    .click();
  await page.getByRole('link', { name: t('en', 'volunteers.edit.cancel') }).click();
  await expect(page).toHaveURL(/\/en\/staff\/volunteers$/);
  await page.goto(`/en/staff/volunteers/${uuid}/reject`);
  await expect(page.getByText(t('en', 'volunteers.reject.already_approved'))).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('button', { name: t('en', 'volunteers.reject.button') })).toHaveCount(
    0,
  );
  await expectNoAxeViolations(page, 'reject an approved volunteer (en)', { soft: true });
  await page.goto('/en/staff/volunteers/00000000-0000-8000-8000-000000000000/areas');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    t('en', 'volunteers.edit.not_found_title'),
    { timeout: 30_000 },
  );
  expect((await server.appServer.storage.replicated.get<VolunteerDoc>(profile._id))?.approval).toBe(
    'approved',
  );
});
