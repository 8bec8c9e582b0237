/**
 * Two people work on one request at once, one of them offline (docs/architecture.md, "Conflicts"): a
 * coordinator in Welsh, online, and the volunteer doing the task, in English, on a phone that has
 * lost its signal. When the phone is back online both devices and the server hold one merged
 * request with every note. A change the server refuses (stamped by a phone whose clock is set wrong)
 * is on the volunteer's screen in words.
 */
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { hasAccepted } from '#domain/requests/assignments.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { generate } from '../../../scripts/seed/generate.ts';
import type { SeedAccount } from '../../../scripts/seed/staff.ts';
import { formatReference } from '#domain/requests/reference.ts';
import { StaffWork } from '../pages/staff-work.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expect, test } from '../fixtures.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';

type Cast = {
  seed: number;
  coordinator: SeedAccount;
  volunteer: SeedAccount;
  /** Assigned to the volunteer, in the coordinator's areas. */
  task: RequestDoc;
};

const shape = (seed: number, now: Date) => ({
  requests: 60,
  volunteers: 6,
  areas: 3,
  coordinators: 2,
  seed,
  now,
});

/** The first seeded world with the people and requests this story needs. */
function cast(now: Date): Cast {
  for (let seed = 1; seed < 200; seed++) {
    const { docs, accounts } = generate(shape(seed, now));
    const requests = docs.filter((d): d is RequestDoc => d.type === 'request');
    for (const volunteer of accounts.filter((a) => a.role === 'volunteer' && a.approved)) {
      const task = requests.find((r) => r.status === 'assigned' && r.assignee === volunteer.userId);
      const coordinator = accounts.find(
        (a) => a.role === 'coordinator' && task?.area && a.areas.includes(task.area),
      );
      if (task && coordinator) return { seed, coordinator, volunteer, task };
    }
  }
  throw new Error('no seeded world fits the story');
}

test('a task edited offline and online at once converges, and a refusal is shown in words', async ({
  browser,
  baseURL,
  server,
}) => {
  test.setTimeout(180_000);
  const now = new Date();
  const story = cast(now);
  await server.seedStaffWorld(shape(story.seed, now), password);
  const stored = (id: string) =>
    server.appServer.storage.replicatedDb.get(id, { conflicts: true }) as Promise<
      StaffDoc & { _conflicts?: string[] }
    >;

  const coordinatorDevice = await browser.newContext({ baseURL, locale: 'cy-GB' });
  const volunteerDevice = await browser.newContext({ baseURL, locale: 'en-GB' });
  // The phone's clock, which a later step sets wrong; until then it keeps the real time.
  await volunteerDevice.clock.install();
  const coordinator = await StaffWork.open(coordinatorDevice, 'cy');
  const volunteer = await StaffWork.open(volunteerDevice, 'en');
  await coordinator.signIn(story.coordinator.username, password);
  await volunteer.signIn(story.volunteer.username, password);

  // Both open the same task from their lists.
  await coordinator.openList('staff.home.requests_link');
  // The desk's filters apply as they are chosen.
  await coordinator.page.getByLabel(coordinator.text('desk.labels.status')).selectOption('all');
  await expect(coordinator.page).toHaveURL(/[?&]status=all/);
  await coordinator.openRequest(story.task._id);
  await volunteer.openList('staff.home.tasks_link');
  await volunteer.openRequest(story.task._id);

  // The volunteer accepts the task if it was given them, then loses the signal and keeps working:
  // the task is started, a note written.
  if (await volunteer.acceptButton.isVisible()) await volunteer.accept();
  await volunteer.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const task = async () => (await stored(story.task._id)) as RequestDoc;
  await expect
    .poll(async () => hasAccepted((await task()).assignments, story.volunteer.userId), {
      timeout: 30_000,
    })
    .toBe(true);
  await volunteerDevice.setOffline(true);
  await volunteer.onMyWay();
  await expect(volunteer.page.getByText(volunteer.text('work.request.sync_offline'))).toBeVisible();
  await expect(volunteer.page.locator('.work-status')).toContainText(
    volunteer.text('staff.sync.pending_other', { count: 2 }),
  );
  await volunteer.addNote('Started: the pharmacy opens at ten.');

  // Meanwhile the coordinator, online, makes it urgent and leaves a note for the volunteer.
  const urgency = story.task.urgency === 'high' ? 'low' : 'high';
  await coordinator.setUrgency(urgency);
  await coordinator.addNote('Mae hi angen y feddyginiaeth cyn hanner dydd.');
  await expect
    .poll(async () => ((await stored(story.task._id)) as RequestDoc).urgency)
    .toBe(urgency);

  // The signal returns: the server merges the two edits and both devices follow.
  await volunteerDevice.setOffline(false);
  await expect
    .poll(
      async () => {
        const doc = (await stored(story.task._id)) as RequestDoc & { _conflicts?: string[] };
        return [doc.status, doc.urgency, doc.assignee, doc._conflicts ?? []];
      },
      { timeout: 30_000 },
    )
    .toEqual(['in_progress', urgency, story.volunteer.userId, []]);

  await volunteer.gotoRequest(story.task._id);
  for (const device of [coordinator, volunteer]) {
    await expect(device.fact('status')).toHaveText(device.text('work.status.in_progress'), {
      timeout: 30_000,
    });
    await expect(device.fact('urgency')).toHaveText(device.text(`work.urgency.${urgency}`));
    await expect(device.notes).toContainText('Started: the pharmacy opens at ten.');
    await expect(device.notes).toContainText('Mae hi angen y feddyginiaeth cyn hanner dydd.');
  }
  // The server holds both notes too: nothing was lost.
  const notes = await server.appServer.storage.replicatedDb.allDocs({
    startkey: `note:${story.task._id.slice('request:'.length)}:`,
    endkey: `note:${story.task._id.slice('request:'.length)}:\uffff`,
    include_docs: true,
  });
  const texts = notes.rows.map((r) => (r.doc as unknown as { text: string }).text);
  expect(texts).toContain('Started: the pharmacy opens at ten.');
  expect(texts).toContain('Mae hi angen y feddyginiaeth cyn hanner dydd.');
  // The coordinator's history shows the volunteer's step as well as their own.
  await expect(coordinator.page.getByTestId('history')).toContainText(
    coordinator.text('work.history.status', {
      from: coordinator.text('work.status.assigned'),
      to: coordinator.text('work.status.in_progress'),
    }),
  );

  // Later the phone's clock jumps an hour ahead (set by hand, a wrong time zone), and the
  // volunteer marks the task done: the server refuses a change stamped in the future, which would
  // win every merge until real time caught up, and the phone says so, in words.
  await volunteer.page.clock.setSystemTime(Date.now() + 60 * 60_000);
  await volunteer.finish('helped');
  const reason = (code: string) => volunteer.text(`staff.sync.refused_reasons.${code}`);
  await expect(volunteer.refusals).toContainText(
    volunteer.text('work.refusals.request', { reason: reason('clock_ahead') }),
    { timeout: 30_000 },
  );
  await expectNoAxeViolations(volunteer.page, 'a request with a refused change (en)', {
    soft: true,
  });
  expect(((await stored(story.task._id)) as RequestDoc).status).toBe('in_progress');
  // The list marks the request too.
  await volunteer.page
    .getByRole('link', { name: volunteer.text('work.request.list_link') })
    .click();
  await expect(volunteer.card(story.task._id)).toContainText(volunteer.text('work.list.refused'));

  await coordinatorDevice.close();
  await volunteerDevice.close();
});

/** A task held by one approved volunteer, in an area where another approved volunteer works. */
function reassignable(now: Date) {
  for (let seed = 1; seed < 200; seed++) {
    const { docs, accounts } = generate(shape(seed, now));
    const profiles = docs.filter((d): d is VolunteerDoc => d.type === 'volunteer');
    const worksIn = (a: SeedAccount, area: string | null) =>
      a.approved === true &&
      profiles.some((p) => p._id === `volunteer:${a.userId}` && area && p.areas.includes(area));
    for (const task of docs.filter(
      (d): d is RequestDoc => d.type === 'request' && d.status === 'assigned',
    )) {
      const holder = accounts.find((a) => a.userId === task.assignee && a.approved);
      const other = accounts.find(
        (a) => a.role === 'volunteer' && a.userId !== task.assignee && worksIn(a, task.area),
      );
      const coordinator = accounts.find(
        (a) => a.role === 'coordinator' && task.area && a.areas.includes(task.area),
      );
      if (holder && other && coordinator) return { seed, task, holder, other, coordinator };
    }
  }
  throw new Error('no seeded world fits the story');
}

test('a task finished offline after the coordinator gave it to someone else is put to the coordinator', async ({
  browser,
  baseURL,
  server,
}) => {
  test.setTimeout(120_000);
  const now = new Date();
  const story = reassignable(now);
  await server.seedStaffWorld(shape(story.seed, now), password);

  const coordinatorDevice = await browser.newContext({ baseURL, locale: 'cy-GB' });
  const volunteerDevice = await browser.newContext({ baseURL, locale: 'en-GB' });
  const coordinator = await StaffWork.open(coordinatorDevice, 'cy');
  const volunteer = await StaffWork.open(volunteerDevice, 'en');
  await coordinator.signIn(story.coordinator.username, password);
  await volunteer.signIn(story.holder.username, password);
  await coordinator.gotoRequest(story.task._id);
  await volunteer.gotoRequest(story.task._id);
  await volunteer.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await volunteerDevice.setOffline(true);
  if (await volunteer.acceptButton.isVisible()) await volunteer.accept();
  await volunteer.finish('helped');
  await volunteer.addNote('Delivered, left with the neighbour.');
  await volunteer.page
    .getByRole('link', { name: volunteer.text('work.request.list_link') })
    .click();

  // The coordinator, not knowing, gives the task to another volunteer.
  await coordinator.page
    .getByLabel(coordinator.text('work.actions.assign_label'))
    .selectOption(story.other.userId);
  await coordinator.page
    .getByRole('button', { name: coordinator.text('work.actions.assign_button'), exact: true })
    .click();
  await expect(coordinator.fact('volunteer')).toHaveText(story.other.displayName);

  await volunteerDevice.setOffline(false);
  // Judged against the present the "done" is not the former volunteer's to make: the task stays
  // with the other volunteer, and what was reported is kept for the coordinator to decide on,
  // with the note; the former volunteer is told why, in words, once the task has left their phone.
  await expect(coordinator.page.getByTestId('attention')).toContainText(
    coordinator.text('work.attention.late_report', {
      name: story.holder.displayName,
      status: coordinator.text('work.status.done'),
    }),
    { timeout: 30_000 },
  );
  const stored = (await server.appServer.storage.replicatedDb.get(story.task._id, {
    conflicts: true,
  })) as RequestDoc & { _conflicts?: string[] };
  expect([stored.status, stored.assignee, stored._conflicts ?? []]).toEqual([
    'assigned',
    story.other.userId,
    [],
  ]);
  await expect(coordinator.notes).toContainText('Delivered, left with the neighbour.');
  await expect(coordinator.page.getByTestId('history')).toContainText(
    coordinator.text('work.history.late_status', {
      from: coordinator.text('work.status.assigned'),
      to: coordinator.text('work.status.done'),
    }),
  );
  await expectNoAxeViolations(coordinator.page, 'a request for a coordinator to decide (cy)', {
    soft: true,
  });
  await expect(volunteer.page.getByTestId('gone-refusals')).toContainText(
    volunteer.text('staff.sync.refused_reasons.no_longer_yours'),
    { timeout: 30_000 },
  );

  // Giving the task back to the volunteer who did it settles it; the coordinator then records it done.
  const attention = coordinator.page.getByTestId('attention');
  await coordinator.page
    .getByLabel(coordinator.text('work.actions.assign_label'))
    .selectOption(story.holder.userId);
  await coordinator.page
    .getByRole('button', { name: coordinator.text('work.actions.assign_button'), exact: true })
    .click();
  await expect(attention).toHaveCount(0);
  await expect(coordinator.fact('volunteer')).toHaveText(story.holder.displayName);

  await coordinatorDevice.close();
  await volunteerDevice.close();
});

/** An approved volunteer and an open task in one of their areas. */
function openTaskFor(now: Date) {
  const { docs, accounts } = generate(shape(1, now));
  for (const volunteer of accounts.filter((a) => a.role === 'volunteer' && a.approved)) {
    const profile = docs.find((d) => d._id === `volunteer:${volunteer.userId}`) as VolunteerDoc;
    const open = docs.find(
      (d): d is RequestDoc =>
        d.type === 'request' &&
        d.assignee === null &&
        (d.status === 'new' || d.status === 'triaged') &&
        d.area !== null &&
        profile.areas.includes(d.area),
    );
    if (open) return { volunteer, open };
  }
  throw new Error('no seeded world fits the story');
}

test('a claim refused after the volunteer was taken off the area is still told once the request has left the phone', async ({
  browser,
  baseURL,
  server,
}) => {
  test.setTimeout(120_000);
  const now = new Date();
  const { volunteer: account, open } = openTaskFor(now);
  await server.seedStaffWorld(shape(1, now), password);
  const device = await browser.newContext({ baseURL, locale: 'en-GB' });
  const volunteer = await StaffWork.open(device, 'en');
  await volunteer.signIn(account.username, password);
  await volunteer.openList('staff.home.tasks_link');
  await volunteer.openRequest(open._id);
  await volunteer.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await device.setOffline(true);
  // A coordinator takes the volunteer off that area while the phone has no signal.
  const profile = (await server.appServer.storage.replicatedDb.get(
    `volunteer:${account.userId}`,
  )) as VolunteerDoc & { _rev: string };
  await server.appServer.storage.replicatedDb.put({
    ...profile,
    areas: profile.areas.filter((a) => a !== open.area),
    updated_at: new Date().toISOString(),
  });
  await volunteer.claim();
  await volunteer.addNote('On my way.');
  await volunteer.page
    .getByRole('link', { name: volunteer.text('work.request.list_link') })
    .click();

  await device.setOffline(false);
  // The server refuses the claim and the note; the request has left the volunteer's view and is
  // purged from the phone, and the refusals are still there, in words.
  await expect(volunteer.card(open._id)).toHaveCount(0, { timeout: 30_000 });
  const gone = volunteer.page.getByTestId('gone-refusals');
  const reason = (code: string) => volunteer.text(`staff.sync.refused_reasons.${code}`);
  const named = volunteer.text('work.list.link_text', {
    kind: volunteer.text(`requests.kind.${open.kind}`),
    reference: formatReference(open.reference),
  });
  await expect(gone).toContainText(
    volunteer.text('work.refusals.gone_item', {
      request: named,
      change: volunteer.text('work.refusals.request', { reason: reason('outside_your_areas') }),
    }),
  );
  await expect(gone).toContainText(
    volunteer.text('work.refusals.note', { reason: reason('not_assigned_to_you') }),
  );
  await expectNoAxeViolations(volunteer.page, 'refusals of a purged request (en)', { soft: true });
  expect(((await server.appServer.storage.replicatedDb.get(open._id)) as RequestDoc).assignee).toBe(
    null,
  );

  await gone.getByRole('button', { name: volunteer.text('work.refusals.gone_dismiss') }).click();
  await expect(gone).toHaveCount(0);
  await volunteer.page.reload();
  await expect(volunteer.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(gone).toHaveCount(0);
  await device.close();
});
