/**
 * A volunteer's route for the day, in both languages: every task they hold, numbered in the order
 * the domain finds shortest from their base, each with how far it is and links out to the phone's
 * maps app; on a map over tiles from a local fixture (never the internet); offline straight after,
 * the map's tiles too, from the service worker's cache, and a zoom closer. From a stop to its
 * task: what it needs, the language badge, access needs, and buttons to call and text the
 * resident; and the open tasks they could take, with town, district and distance from their base
 * and nothing personal. Axe on each page.
 */
import { haversineKm } from '#domain/matching/geo-point.ts';
import { shownKm } from '#domain/matching/match-reasons.ts';
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import { basePointOf } from '#domain/people/volunteer-base.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { townOfDistrict } from '#domain/places/district-towns.ts';
import { isUkMobile } from '#domain/questions/contact-format.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
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
  const profile = docs.find((d) => d._id === volunteerDocId(account.userId)) as VolunteerDoc;
  const requests = new Map(
    docs.filter((d): d is RequestDoc => d.type === 'request').map((r) => [r._id, r]),
  );
  const contacts = new Map(
    docs.filter((d): d is ContactDoc => d.type === 'contact').map((c) => [c.request_id, c]),
  );
  return {
    account,
    tasks: tasksOf(account.userId),
    base: basePointOf(profile),
    requests,
    contacts,
  };
}

for (const lang of ['cy', 'en'] as const) {
  test(`a volunteer sees the day's stops in order with links to their maps app, what each task needs, and where open tasks are (${lang})`, async ({
    browser,
    baseURL,
    server,
    tiles,
  }) => {
    const now = new Date();
    await server.seedStaffWorld(shape(now), password);
    const { account, tasks, base, requests, contacts } = busiest(now);
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
    await expect(stops.getByTestId('task-needs')).toHaveCount(tasks.length);
    // Access needs where the resident gave some (and shared their details), and none elsewhere.
    for (const held of tasks) {
      const given = held.consent.given ? contacts.get(held._id)!.contact.access_needs : '';
      const row = stops
        .and(work.page.locator(`[data-id="${held._id}"]`))
        .locator('[data-need="access-needs"]');
      if (given) await expect(row).toContainText(given);
      else await expect(row).toHaveCount(0);
    }
    await work.page.emulateMedia({ media: 'print' });
    await expect(stops.first()).toBeVisible();
    await expect(work.page.getByTestId('print-warning')).toBeVisible();
    await expect(work.page.locator('.leaflet-container')).toBeHidden();
    const controls = await work.page
      .locator('button, input, select, textarea, .route-links a, .task-calls a')
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
    // Asked for with the site's origin as referrer (OpenStreetMap's policy), never the page's path
    // (the worker's tile server may also have served another test's app, from its own origin).
    expect(tiles.referrers()).toContain(`${new URL(baseURL!).origin}/`);
    for (const referrer of tiles.referrers()) expect(referrer).toBe(`${new URL(referrer).origin}/`);
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

    // From a stop to its task, one whose resident agreed to share their details.
    const shared = tasks.filter((t) => t.consent.given);
    const task = shared.find((t) => t.kind === 'prescription') ?? shared[0]!;
    const contact = contacts.get(task._id)!;
    const person = contact.contact;
    await work.page.locator(`li.route-stop[data-id="${task._id}"] h2 a`).click();
    await hydrated(work.page);
    const needs = work.page.getByTestId('task');
    await expect(
      needs.getByRole('heading', { name: work.text('tasks.needs.title') }),
    ).toBeVisible();
    await expect(
      needs.getByRole('link', { name: work.text('tasks.needs.call', { name: person.name }) }),
    ).toHaveAttribute('href', `tel:${person.phone}`);
    const text = needs.getByRole('link', {
      name: work.text('tasks.needs.text', { name: person.name }),
    });
    if (isUkMobile(person.phone)) await expect(text).toHaveAttribute('href', `sms:${person.phone}`);
    else await expect(needs).toContainText(work.text('tasks.needs.landline'));
    // What it needs, from what the resident told us: for a prescription, the pharmacy.
    await expect(needs.locator('[data-need]').first()).toBeVisible();
    if ('pharmacy' in contact.details) await expect(needs).toContainText(contact.details.pharmacy);
    const access = needs.locator('[data-need="access-needs"]');
    if (person.access_needs) await expect(access).toContainText(person.access_needs);
    else await expect(access).toHaveCount(0);
    await expect(work.page.getByTestId('language-badge')).toHaveCount(
      task.language === 'cy' ? 1 : 0,
    );
    await expectNoAxeViolations(work.page, `a task with what it needs (${lang})`);

    // The open tasks they could take: where each is, and nothing of the person.
    await work.page.getByRole('link', { name: work.text('work.request.list_link') }).click();
    const open = work.page.getByRole('region', { name: work.text('work.list.claimable_title') });
    const cards = open.locator('.request-card');
    await expect(cards.first()).toBeVisible();
    const shown = await cards.evaluateAll((all) =>
      all.map((card) => ({
        id: (card as HTMLElement).dataset.id!,
        where: card.querySelector('[data-testid="whereabouts"] dd')?.textContent?.trim(),
      })),
    );
    const km = new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', {
      maximumFractionDigits: 1,
    });
    for (const { id, where } of shown) {
      const request = requests.get(id)!;
      const district = request.postcode_district;
      const distance = shownKm(haversineKm(base!, request.district_centroid!));
      expect(where, id).toBe(
        [
          townOfDistrict(district)![lang],
          district,
          work.text('tasks.where.km', { km: km.format(distance) }),
        ].join(' · '),
      );
    }
    const openText = await open.innerText();
    for (const { id } of shown) {
      const { name, phone, address_line1, postcode } = contacts.get(id)!.contact;
      for (const personal of [name, phone, address_line1, postcode]) {
        expect(openText, id).not.toContain(personal);
      }
    }
    await expectNoAxeViolations(work.page, `open tasks with where they are (${lang})`);

    // An open task's own page says the same, and nothing of the person either.
    const first = shown[0]!;
    await work.openRequest(first.id);
    await expect(work.page.getByTestId('open-task').locator('dd')).toHaveText(first.where!);
    const { name, phone } = contacts.get(first.id)!.contact;
    await expect(work.page.locator('body')).not.toContainText(name);
    await expect(work.page.locator('body')).not.toContainText(phone);
    await expectNoAxeViolations(work.page, `an open task with where it is (${lang})`);
    await context.close();
  });
}

test('a volunteer who only opened the app while there was a signal still has the route map in a valley with none (cy)', async ({
  browser,
  baseURL,
  server,
  tiles,
}) => {
  const lang = 'cy';
  const now = new Date();
  await server.seedStaffWorld(shape(now), password);
  const { account, tasks } = busiest(now);
  const context = await browser.newContext({ baseURL });
  const work = await StaffWork.open(context, lang);
  await work.signIn(account.username, password);
  // The home, opened again once everything has synced, keeps the tiles of the whole day.
  await offlineReady(work.page);
  await work.page.reload();
  await hydrated(work.page);
  await expect(work.page.locator('nav[data-kept-tiles]')).toBeAttached({ timeout: 20_000 });
  const servedOnline = tiles.served().length;
  expect(servedOnline).toBeGreaterThan(0);

  // No signal, and the route opened for the first time: its map draws from the kept tiles.
  await context.setOffline(true);
  await work.page.getByRole('link', { name: work.text('route.home_link') }).click();
  await hydrated(work.page);
  await expect(work.page.locator('li.route-stop')).toHaveCount(tasks.length);
  await expect(work.page.locator('.leaflet-marker-icon.route-pin')).toHaveCount(tasks.length);
  await expectTilesDrawn(work.page);
  expect(tiles.served()).toHaveLength(servedOnline);
  await context.close();
});
