/**
 * The coordinator's desk as a coordinator uses it, in both languages: the queue says why each
 * request is where it is, filters apply as chosen and stay in the address (a reload keeps them,
 * offline too), each choice is counted, search finds a request by its reference however typed,
 * and the arrow keys move between rows. Axe on each state.
 */
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { isClosed } from '#domain/requests/status.ts';
import { formatReference } from '#domain/requests/reference.ts';
import { generate } from '../../../../scripts/seed/generate.ts';
import { StaffWork } from '../../pages/staff-work.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';
import { hydrated } from '../../support/hydration.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
const shape = (now: Date) => ({
  requests: 60,
  volunteers: 4,
  areas: 2,
  coordinators: 1,
  seed: 11,
  now,
});

function world(now: Date) {
  const { docs } = generate(shape(now));
  const requests = docs.filter((d): d is RequestDoc => d.type === 'request');
  const contacts = docs.filter((d): d is ContactDoc => d.type === 'contact');
  const open = requests.filter((r) => !isClosed(r.status));
  return { requests, contacts, open };
}

const countText = (work: StaffWork, count: number, shown = Math.min(count, 50)) =>
  work.text(`desk.showing_${new Intl.PluralRules(work.lang).select(count)}`, { count, shown });

for (const lang of ['cy', 'en'] as const) {
  test(`a coordinator narrows the queue and finds a request (${lang})`, async ({
    browser,
    baseURL,
    server,
  }) => {
    const now = new Date();
    await server.seedStaffWorld(shape(now), password);
    const { open } = world(now);
    const context = await browser.newContext({ baseURL });
    const work = await StaffWork.open(context, lang);
    await work.signIn('coordinator1', password);
    await work.openList('staff.home.requests_link');
    const count = work.page.getByTestId('queue-count');
    await expect(count).toContainText(countText(work, open.length));
    // Every row says why it is where it is, or that nothing presses.
    const firstReasons = work.page.locator('tbody tr').first().locator('[data-field="reasons"]');
    await expect(firstReasons).not.toBeEmpty();
    await expectNoAxeViolations(work.page, `desk (${lang})`);

    // A filter applies as it is chosen, says how many it will show, and goes into the address.
    const food = open.filter((r) => r.kind === 'food').length;
    const kind = work.page.getByLabel(work.text('desk.labels.kind'));
    const foodLabel = work.text(`desk.option_${new Intl.PluralRules(lang).select(food)}`, {
      label: work.text('requests.kind.food'),
      count: food,
    });
    await expect(kind.locator('option[value="food"]')).toHaveText(foodLabel);
    await kind.selectOption('food');
    await expect(work.page).toHaveURL(/[?&]kind=food/);
    await expect(count).toContainText(countText(work, food));
    const welsh = open.filter((r) => r.kind === 'food' && r.language === 'cy').length;
    await work.page.getByLabel(work.text('desk.labels.language')).selectOption('cy');
    await expect(count).toContainText(countText(work, welsh));
    await expect(
      work.page.locator('tbody tr').filter({ hasNot: work.page.locator('.tag--welsh') }),
    ).toHaveCount(0);
    await expectNoAxeViolations(work.page, `desk filtered (${lang})`);

    // Offline, a reload keeps the filters: they live in the address.
    await context.setOffline(true);
    await work.page.reload();
    await hydrated(work.page);
    await expect(count).toContainText(countText(work, welsh));
    await expect(kind).toHaveValue('food');
    await context.setOffline(false);

    // Search by a reference as it is read out, spaces and all.
    await work.page.getByRole('link', { name: work.text('desk.clear') }).click();
    await expect(count).toContainText(countText(work, open.length));
    const wanted = open[open.length - 1]!;
    await work.page
      .getByLabel(work.text('desk.search_label'))
      .fill(formatReference(wanted.reference));
    await expect(count).toContainText(countText(work, 1));
    await expect(work.card(wanted._id)).toBeVisible();
    await expect(work.page).toHaveURL(/[?&]q=/);

    // The arrow keys walk the rows.
    await work.page.getByLabel(work.text('desk.search_label')).fill('');
    await expect(count).toContainText(countText(work, open.length));
    const links = work.page.locator('tbody a[data-row]');
    await links.first().focus();
    await work.page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await work.page.keyboard.press('End');
    await expect(links.last()).toBeFocused();
    await work.page.keyboard.press('ArrowUp');
    await expect(links.nth((await links.count()) - 2)).toBeFocused();
    await context.close();
  });
}
