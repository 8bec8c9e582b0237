/**
 * The coordinator's map, in both languages: the requests the desk's filters choose as pins over
 * tiles from the tile server the server names (here a local fixture answering OpenStreetMap's
 * tile addresses, never the internet), the same requests as a list for keyboard and screen
 * readers, filters kept in the address and shared with the queue, a click through to a request,
 * and offline the pins and the list still there. Axe on each state.
 */
import type { RequestDoc } from '#domain/requests/request.ts';
import { isClosed } from '#domain/requests/status.ts';
import { generate } from '../../../../scripts/seed/generate.ts';
import { StaffWork } from '../../pages/staff-work.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';
import { hydrated } from '../../support/hydration.ts';
import { offlineReady } from '../../support/app/offline-ready.ts';
import { expectTilesDrawn } from '../../support/map/fixture-tiles.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
const shape = (now: Date) => ({
  requests: 40,
  volunteers: 4,
  areas: 2,
  coordinators: 1,
  seed: 12,
  now,
});

for (const lang of ['cy', 'en'] as const) {
  test(`a coordinator sees the requests on a map and as a list (${lang})`, async ({
    browser,
    baseURL,
    server,
    tiles,
  }) => {
    const now = new Date();
    await server.seedStaffWorld(shape(now), password);
    const requests = generate(shape(now)).docs.filter((d): d is RequestDoc => d.type === 'request');
    const open = requests.filter((r) => !isClosed(r.status) && r.district_centroid);
    const context = await browser.newContext({ baseURL });
    const work = await StaffWork.open(context, lang);
    await work.signIn('coordinator1', password);
    await work.page.getByRole('link', { name: work.text('map.home_link') }).click();
    await hydrated(work.page);
    const count = work.page.getByTestId('map-count');
    const countText = (n: number, total: number) =>
      work.text(`map.showing_${new Intl.PluralRules(lang).select(n)}`, { count: n, total });
    await expect(count).toContainText(countText(open.length, open.length));
    // Pins (or clusters of them) on tiles, with the tiles' credit.
    await expect(work.page.locator('.map-pin, .marker-cluster').first()).toBeVisible();
    await expect(work.page.locator('.leaflet-control-attribution')).toContainText(
      'OpenStreetMap contributors',
    );
    await expectTilesDrawn(work.page);
    expect(tiles.served().length).toBeGreaterThan(0);
    // The list holds every request on the map, each a link to it.
    const rows = work.page.locator('tbody a[data-row]');
    await expect(rows).toHaveCount(open.length);
    await expectNoAxeViolations(work.page, `map (${lang})`);

    // The desk's filters, in the address, and the queue keeps the choice.
    const food = open.filter((r) => r.kind === 'food');
    await work.page.getByLabel(work.text('desk.labels.kind')).selectOption('food');
    await expect(work.page).toHaveURL(/\/staff\/map\?.*kind=food/);
    await expect(count).toContainText(countText(food.length, food.length));
    await expect(rows).toHaveCount(food.length);
    await expectNoAxeViolations(work.page, `map filtered (${lang})`);

    // Offline, a reload keeps the pins, the list and the filter, straight after the first visit:
    // the page asks the service worker to keep the code it ran before the worker took control.
    await offlineReady(work.page);
    await context.setOffline(true);
    await work.page.reload();
    await hydrated(work.page);
    await expect(count).toContainText(countText(food.length, food.length));
    await expect(work.page.locator('.map-pin, .marker-cluster').first()).toBeVisible();
    await expect(rows).toHaveCount(food.length);
    await context.setOffline(false);

    // To the queue with the same choice, and from a row to its request.
    await work.page.getByRole('link', { name: work.text('map.queue_link') }).click();
    await expect(work.page).toHaveURL(/\/staff\/requests\?.*kind=food/);
    await work.page.getByRole('link', { name: work.text('map.home_link') }).click();
    await expect(work.page).toHaveURL(/\/staff\/map\?.*kind=food/);
    await rows.first().click();
    await expect(work.page).toHaveURL(/\/staff\/requests\/[0-9a-f-]{36}$/);
    await context.close();
  });
}
