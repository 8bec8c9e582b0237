/**
 * A staff device replicates what its user may see, and only that: a coordinator and a volunteer
 * sign in to a seeded server, and each device ends up holding exactly the requests the access
 * policy lets them read, with the sync status saying everything is on the server.
 */
import { canRead } from '#domain/access/access.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { staffUserId } from '../../../sync-server/accounts/staff-user-id.ts';
import { expect, test } from '../fixtures.ts';
import { foodForMyself } from '../support/resident/help-requests.ts';
import { hydrated, watchHydration } from '../support/hydration.ts';
import { t, type Lang } from '../support/resident/locales.ts';
import { expectKeepingLine } from '../support/device-storage.ts';
import { expectNoAxeViolations } from '../support/axe.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';

/** The requests the access policy lets this user read, judged as the server judges (with a clock). */
function requestsVisibleTo(docs: StaffDoc[], user: StaffUser): number {
  const now = new Date().toISOString();
  return docs.filter((d) => d.type === 'request' && canRead(user, d, undefined, now)).length;
}

for (const [lang, username, role] of [
  ['cy', 'coordinator1', 'coordinator'],
  ['en', 'volunteer1', 'volunteer'],
] as const) {
  test(`a ${role}'s device holds exactly what they may see (${lang})`, async ({ page, server }) => {
    const world = await server.seedStaffWorld(
      { requests: 60, volunteers: 6, areas: 3, coordinators: 2, seed: 7, now: new Date() },
      password,
    );
    const account = world.accounts.find((a) => a.username === username)!;
    // A volunteer's areas are the ones on their approved profile; a coordinator's, their account's.
    const user = { id: staffUserId(username), role, areas: account.areas, disabled: false };
    const expected = requestsVisibleTo(world.docs, user);
    expect(expected).toBeGreaterThan(1);

    await page.goto(`/${lang}/staff/sign-in`);
    await hydrated(page);
    await page.getByLabel(t(lang as Lang, 'staff.sign_in.username')).fill(username);
    await page.getByLabel(t(lang as Lang, 'staff.sign_in.password')).fill(password);
    await page.getByRole('button', { name: t(lang as Lang, 'staff.sign_in.button') }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/staff$`));

    const panel = page.locator('.sync-panel');
    // The plural form CLDR gives this count in this language (Welsh has six).
    const countKey = new Intl.PluralRules(lang).select(expected);
    await expect(panel).toContainText(
      t(lang as Lang, `staff.sync.requests_on_device_${countKey}`, { count: expected }),
      { timeout: 30_000 },
    );
    await expect(panel).toContainText(t(lang as Lang, 'staff.sync.everything_on_server'));
    // Signing in asked the browser to keep the device's data; the panel says what it answered.
    await expectKeepingLine(page, lang, 'staff.sync');
    await expectNoAxeViolations(page, `the staff home with its sync panel (${lang})`);

    // With no signal the device reopens with everything it holds: the page, its code (cached on
    // first use, not precached) and the replica.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.context().setOffline(true);
    await page.reload();
    await expect(panel).toContainText(t(lang as Lang, 'staff.sync.offline'));
    await expect(panel).toContainText(
      t(lang as Lang, `staff.sync.requests_on_device_${countKey}`, { count: expected }),
    );
    await page.context().setOffline(false);
  });
}

test("a resident's request reaches the coordinator of its area", async ({
  browser,
  baseURL,
  cymorth,
  server,
}) => {
  const world = await server.seedStaffWorld(
    { requests: 20, volunteers: 4, areas: 3, coordinators: 3, seed: 11, now: new Date() },
    password,
  );
  const request = foodForMyself();
  const district = request.address.postcode.toUpperCase().split(' ')[0]!;
  const area = world.docs.find(
    (d) => d.type === 'area' && (d.postcode_districts ?? []).includes(district),
  );
  expect(area, `a seeded area covers ${district}`).toBeDefined();
  const areaId = area!._id.slice('area:'.length);
  const coordinator = world.accounts.find(
    (a) => a.role === 'coordinator' && a.areas.includes(areaId),
  )!;
  const user = { id: staffUserId(coordinator.username), role: 'coordinator' as const };
  const before = requestsVisibleTo(world.docs, {
    ...user,
    areas: coordinator.areas,
    disabled: false,
  });

  // The resident, on their phone, asks for help in Welsh.
  const sent = await cymorth.askForHelp(request, 'cy');
  await expect(sent.reference).toBeVisible();

  // The coordinator, on their own device, signs in and finds it among their area's requests.
  const device = await browser.newContext({ baseURL });
  const page = await device.newPage();
  await watchHydration(page);
  await page.goto('/cy/staff/sign-in');
  await hydrated(page);
  await page.getByLabel(t('cy', 'staff.sign_in.username')).fill(coordinator.username);
  await page.getByLabel(t('cy', 'staff.sign_in.password')).fill(password);
  await page.getByRole('button', { name: t('cy', 'staff.sign_in.button') }).click();
  const count = before + 1;
  await expect(page.locator('.sync-panel')).toContainText(
    t('cy', `staff.sync.requests_on_device_${new Intl.PluralRules('cy').select(count)}`, { count }),
    { timeout: 30_000 },
  );
  await device.close();
});
