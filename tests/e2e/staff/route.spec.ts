/**
 * A volunteer's route for the day, in both languages: every task they hold, numbered in the order
 * the domain finds shortest from their base, each with how far it is and links out to the phone's
 * maps app; on a map over tiles from a local fixture (never the internet); offline straight after,
 * the map's tiles too, from the service worker's cache, and a zoom closer. Axe on the page.
 */
import { isHeld } from '#domain/requests/lifecycle.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { generate } from '../../../scripts/seed/generate.ts';
import { StaffWork } from '../pages/staff-work.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expect, test } from '../fixtures.ts';
import { hydrated } from '../support/hydration.ts';
import { offlineReady } from '../support/app/offline-ready.ts';
import { expectTilesDrawn, shownTileZoom } from '../support/map/fixture-tiles.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
const shape = (now: Date) => ({
  requests: 80,
  volunteers: 3,
  areas: 1,
  coordinators: 1,
  seed: 21,
  now,
});

/** The volunteer holding the most tasks in the seeded world, and those tasks. */
function busiest(now: Date) {
  const { docs, accounts } = generate(shape(now));
  const held = docs.filter(
    (d): d is RequestDoc => d.type === 'request' && isHeld(d.status) && d.assignee !== null,
  );
  const volunteers = accounts.filter((a) => a.role === 'volunteer' && a.approved !== false);
  const tasksOf = (id: string) => held.filter((r) => r.assignee === id);
  const account = volunteers.sort(
    (a, b) => tasksOf(b.userId).length - tasksOf(a.userId).length,
  )[0]!;
  return { account, tasks: tasksOf(account.userId) };
}

for (const lang of ['cy', 'en'] as const) {
  test(`a volunteer sees the day's stops in order, with links to their maps app (${lang})`, async ({
    browser,
    baseURL,
    server,
    tiles,
  }) => {
    const now = new Date();
    await server.seedStaffWorld(shape(now), password);
    const { account, tasks } = busiest(now);
    expect(tasks.length).toBeGreaterThan(1);
    const context = await browser.newContext({ baseURL });
    const work = await StaffWork.open(context, lang);
    await work.signIn(account.username, password);
    await work.page.getByRole('link', { name: work.text('route.home_link') }).click();
    await hydrated(work.page);

    const summary = work.page.getByTestId('route-summary');
    const plural = new Intl.PluralRules(lang).select(tasks.length);
    await expect(summary).toContainText(
      work.text(`route.summary_${plural}`, { count: tasks.length, km: 'X' }).split('X')[0]!,
    );
    await expect(work.page.getByText(work.text('route.from_base'))).toBeVisible();
    const stops = work.page.locator('li.route-stop');
    await expect(stops).toHaveCount(tasks.length);
    expect((await stops.evaluateAll((li) => li.map((l) => l.dataset.id))).sort()).toEqual(
      tasks.map((t) => t._id).sort(),
    );
    // Each stop numbered in order, with a geo: link for the phone's maps app.
    for (let n = 1; n <= tasks.length; n++) {
      const link = work.page.getByRole('link', { name: work.text('route.open_maps_app', { n }) });
      await expect(link).toHaveAttribute('href', /^geo:-?\d+\.\d+,-?\d+\.\d+\?q=/);
    }
    await expect(stops.first().locator('.hint')).toContainText(
      work.text('route.leg_first', { km: 'X' }).split('X')[1]!.trim(),
    );
    // The map: numbered stops over the fixture's tiles, out of the tab order.
    await expect(work.page.locator('.leaflet-marker-icon.route-pin')).toHaveCount(tasks.length);
    await expectNoAxeViolations(work.page, `route (${lang})`);

    // The printed sheet: the warning, every stop with what it needs, and no control or map.
    await expect(work.page.getByTestId('print-warning')).toContainText(
      work.text('route.print_warning'),
    );
    await expect(stops.locator('.stop-needs')).toHaveCount(tasks.length);
    await work.page.emulateMedia({ media: 'print' });
    await expect(stops.first()).toBeVisible();
    await expect(work.page.getByTestId('print-warning')).toBeVisible();
    await expect(work.page.locator('.leaflet-container')).toBeHidden();
    const controls = await work.page
      .locator('button, input, select, textarea, .route-links a')
      .evaluateAll((all) => all.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(controls).toBe(0);
    await work.page.emulateMedia({ media: 'screen' });

    // Offline straight after this first visit, the route is still there, and the map draws its
    // tiles from the worker's cache: the tile server is not asked for one. Tiles the map drew
    // before the worker took control are among those kept around the route.
    await offlineReady(work.page);
    await expectTilesDrawn(work.page);
    await expect(work.page.locator('[data-kept-tiles]')).toBeAttached();
    const servedOnline = tiles.served().length;
    expect(servedOnline).toBeGreaterThan(0);
    await context.setOffline(true);
    await work.page.reload();
    await hydrated(work.page);
    await expect(stops).toHaveCount(tasks.length);
    await expectTilesDrawn(work.page);
    // And a zoom closer than the map opened on, which the map itself had not shown.
    const opening = await shownTileZoom(work.page);
    await work.page.locator('.leaflet-control-zoom-in').click();
    await expectTilesDrawn(work.page, opening + 1);
    expect(tiles.served()).toHaveLength(servedOnline);
    await context.setOffline(false);
    await context.close();
  });
}
