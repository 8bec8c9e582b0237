/**
 * Handing a request to another area, in both languages (issue 9): a coordinator covering two
 * areas hands an open request over with a reason, which the history keeps; and a volunteer who
 * claimed it on a phone with no signal meanwhile is not silently lost: the claim is refused and
 * they are told, and the coordinator sees it on the request and its queue row, to keep the
 * hand-over or give the request back with the claim. Axe on the form, its errors and the conflict.
 */
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { generate } from '../../../../scripts/seed/generate.ts';
import { StaffWork } from '../../pages/staff-work.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
// Two areas and one coordinator, who covers both (scripts/seed/staff.ts).
const shape = (now: Date) => ({
  requests: 40,
  volunteers: 6,
  areas: 2,
  coordinators: 1,
  seed: 11,
  now,
});

/** An approved volunteer of one area only, an open request there, and the other area. */
function story(now: Date) {
  const { docs, accounts } = generate(shape(now));
  const areas = docs.filter((d): d is AreaDoc => d.type === 'area');
  for (const volunteer of accounts.filter((a) => a.role === 'volunteer' && a.approved)) {
    const profile = docs.find((d) => d._id === `volunteer:${volunteer.userId}`) as VolunteerDoc;
    if (profile.areas.length !== 1) continue;
    const open = docs.find(
      (d): d is RequestDoc =>
        d.type === 'request' &&
        d.assignee === null &&
        (d.status === 'new' || d.status === 'triaged') &&
        d.area === profile.areas[0],
    );
    const from = areas.find((a) => a._id === `area:${open?.area}`);
    const to = areas.find((a) => a !== from);
    if (open && from && to) return { volunteer, open, from, to };
  }
  throw new Error('no seeded world fits the story');
}

const areaName = (work: StaffWork, area: AreaDoc) =>
  work.lang === 'cy' ? area.name_cy : area.name_en;

/** On the request's page, through the hand-over form, checking its errors on the way. */
async function handOver(work: StaffWork, to: AreaDoc, reason: string, offline = false) {
  await work.page.getByRole('link', { name: work.text('handover.link') }).click();
  await expect(work.page.getByRole('heading', { level: 1 })).toHaveText(
    work.text('handover.title'),
  );
  await expectNoAxeViolations(work.page, `hand-over form (${work.lang})`);
  const button = work.page.getByRole('button', { name: work.text('handover.button') });
  await button.click();
  const summary = work.page.locator('.error-summary');
  await expect(summary).toContainText(work.text('handover.errors.choose_area'));
  await work.page.getByLabel(areaName(work, to), { exact: true }).check();
  await button.click();
  await expect(summary).toContainText(work.text('handover.errors.reason_required'));
  await expect(work.page).toHaveTitle(new RegExp(`^${work.text('common.error_title_prefix')}`));
  await expectNoAxeViolations(work.page, `hand-over form with errors (${work.lang})`);
  await work.page.getByLabel(work.text('handover.reason_label')).fill(reason);
  await button.click();
  await expect(work.page.getByTestId('handed-over')).toContainText(
    work.text('handover.done_body', { area: areaName(work, to) }),
  );
  if (offline) await expect(work.page.getByText(work.text('handover.saved_offline'))).toBeVisible();
  await work.page.getByRole('link', { name: work.text('handover.back') }).click();
  await expect(work.facts).toBeVisible();
}

for (const lang of ['cy', 'en'] as const) {
  test(`a coordinator of two areas hands a request over with a reason (${lang})`, async ({
    browser,
    baseURL,
    server,
  }) => {
    test.setTimeout(120_000);
    const now = new Date();
    const { open, from, to } = story(now);
    await server.seedStaffWorld(shape(now), password);
    const context = await browser.newContext({ baseURL });
    const work = await StaffWork.open(context, lang);
    await work.signIn('coordinator1', password);
    await work.gotoRequest(open._id);
    await work.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // With no signal: the hand-over is written to the device and counted until it is uploaded.
    await context.setOffline(true);
    const reason = lang === 'cy' ? 'Mae hi’n byw dros y ffin.' : 'She lives over the border.';
    await handOver(work, to, reason, true);
    const waiting = `staff.sync.pending_${new Intl.PluralRules(lang).select(2)}`;
    await expect(work.page.locator('.work-status')).toContainText(work.text(waiting, { count: 2 }));
    expect(((await server.appServer.storage.replicatedDb.get(open._id)) as RequestDoc).area).toBe(
      from._id.slice('area:'.length),
    );
    await context.setOffline(false);

    const history = work.page.getByTestId('history');
    await expect(history).toContainText(
      work.text('handover.history.area', { from: areaName(work, from), to: areaName(work, to) }),
    );
    await expect(history).toContainText(work.text('handover.history.reason', { reason }));
    await expect
      .poll(
        async () =>
          ((await server.appServer.storage.replicatedDb.get(open._id)) as RequestDoc).area,
        { timeout: 30_000 },
      )
      .toBe(to._id.slice('area:'.length));
    await context.close();
  });

  test(`a claim made offline during a hand-over is put to the coordinator (${lang})`, async ({
    browser,
    baseURL,
    server,
  }) => {
    test.setTimeout(180_000);
    const now = new Date();
    const { volunteer: account, open, from, to } = story(now);
    await server.seedStaffWorld(shape(now), password);
    const other = lang === 'cy' ? 'en' : 'cy';
    const coordinatorDevice = await browser.newContext({ baseURL });
    const volunteerDevice = await browser.newContext({ baseURL });
    const coordinator = await StaffWork.open(coordinatorDevice, lang);
    const volunteer = await StaffWork.open(volunteerDevice, other);
    await coordinator.signIn('coordinator1', password);
    await volunteer.signIn(account.username, password);
    await volunteer.gotoRequest(open._id);
    await volunteer.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // No signal on the phone: the volunteer takes the task there.
    await volunteerDevice.setOffline(true);
    await volunteer.claim();
    await volunteer.page
      .getByRole('link', { name: volunteer.text('work.request.list_link') })
      .click();

    // Meanwhile the coordinator, online, hands the request to the other area.
    await coordinator.gotoRequest(open._id);
    await handOver(coordinator, to, 'Gwaith i’r tîm arall / for the other team');

    // The signal returns: the claim is refused, and the volunteer told why, in words.
    await volunteerDevice.setOffline(false);
    await expect(volunteer.page.getByTestId('gone-refusals')).toContainText(
      volunteer.text('staff.sync.refused_reasons.handed_over'),
      { timeout: 30_000 },
    );
    const stored = async () =>
      (await server.appServer.storage.replicatedDb.get(open._id)) as RequestDoc;
    expect((await stored()).assignee).toBeNull();

    // The coordinator sees the conflict on the request and its row, and decides.
    const conflict = coordinator.page.getByTestId('handover-conflict');
    const vars = {
      name: account.displayName,
      from: areaName(coordinator, from),
      to: areaName(coordinator, to),
    };
    await expect(conflict).toContainText(coordinator.text('handover.conflict.body', vars), {
      timeout: 30_000,
    });
    await expect(coordinator.page.getByTestId('history')).toContainText(
      coordinator.text('handover.history.late_claim', vars),
    );
    await expectNoAxeViolations(coordinator.page, `a claim during a hand-over (${lang})`);
    await coordinator.page
      .getByRole('link', { name: coordinator.text('work.request.list_link') })
      .click();
    await expect(coordinator.card(open._id).getByTestId('handover-conflict-tag')).toHaveText(
      coordinator.text('desk.handover_conflict', { name: account.displayName, area: vars.to }),
    );
    await coordinator.openRequest(open._id);

    if (lang === 'cy') {
      // Given back with the claim: the request returns to the volunteer's area, theirs.
      await conflict
        .getByRole('button', { name: coordinator.text('handover.conflict.give_back') })
        .click();
      await expect(conflict).toHaveCount(0);
      await expect(coordinator.fact('volunteer')).toHaveText(account.displayName);
      await expect
        .poll(async () => [(await stored()).area, (await stored()).assignee], { timeout: 30_000 })
        .toEqual([from._id.slice('area:'.length), account.userId]);
    } else {
      // The hand-over kept: the volunteer keeps the refusal they were shown.
      await conflict
        .getByRole('button', { name: coordinator.text('handover.conflict.keep') })
        .click();
      await expect(conflict).toHaveCount(0);
      await expect(coordinator.page.getByTestId('history')).toContainText(
        coordinator.text('handover.history.handover_kept', { name: account.displayName }),
      );
      expect((await stored()).area).toBe(to._id.slice('area:'.length));
    }
    await coordinatorDevice.close();
    await volunteerDevice.close();
  });
}
