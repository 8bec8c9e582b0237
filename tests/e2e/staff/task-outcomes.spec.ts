/**
 * A volunteer's day with one task a coordinator gave them (requests/lifecycle.ts,
 * tasks/outcomes.ts), in each language: they accept it, lose the signal, set off, finish it with an
 * outcome and a note, reload with no signal (all still there), and when the signal returns the
 * coordinator sees the outcome. Declining needs a reason (a GOV.UK error summary without one), and
 * the coordinator reads it in the request's history.
 */
import { awaitsAcceptance } from '#domain/requests/lifecycle.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { generate } from '../../../scripts/seed/generate.ts';
import type { SeedAccount } from '../../../scripts/seed/staff.ts';
import { StaffWork } from '../pages/staff-work.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { hydrated } from '../support/hydration.ts';
import type { Lang } from '../support/resident/locales.ts';
import { expect, test } from '../fixtures.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';

const shape = (seed: number, now: Date) => ({
  requests: 60,
  volunteers: 6,
  areas: 3,
  coordinators: 2,
  seed,
  now,
});

type Cast = { seed: number; coordinator: SeedAccount; volunteer: SeedAccount; task: RequestDoc };

/** The first seeded world with a task a coordinator gave a volunteer, not yet accepted. */
function cast(now: Date): Cast {
  for (let seed = 1; seed < 200; seed++) {
    const { docs, accounts } = generate(shape(seed, now));
    const requests = docs.filter((d): d is RequestDoc => d.type === 'request');
    for (const volunteer of accounts.filter((a) => a.role === 'volunteer' && a.approved)) {
      const task = requests.find((r) => awaitsAcceptance(r, volunteer.userId));
      const coordinator = accounts.find(
        (a) => a.role === 'coordinator' && task?.area && a.areas.includes(task.area),
      );
      if (task && coordinator) return { seed, coordinator, volunteer, task };
    }
  }
  throw new Error('no seeded world fits the story');
}

for (const lang of ['cy', 'en'] as Lang[]) {
  test(`a task accepted, finished offline with an outcome and a note, reaches the coordinator (${lang})`, async ({
    browser,
    baseURL,
    server,
  }) => {
    test.setTimeout(180_000);
    const now = new Date();
    const story = cast(now);
    await server.seedStaffWorld(shape(story.seed, now), password);
    const stored = async () =>
      (await server.appServer.storage.replicatedDb.get(story.task._id)) as RequestDoc;

    const phone = await browser.newContext({ baseURL });
    const volunteer = await StaffWork.open(phone, lang);
    await volunteer.signIn(story.volunteer.username, password);
    await volunteer.openList('staff.home.tasks_link');
    await expect(volunteer.card(story.task._id)).toContainText(volunteer.text('tasks.waiting_tag'));
    await volunteer.openRequest(story.task._id);
    await expectNoAxeViolations(volunteer.page, `a task waiting to be accepted (${lang})`);

    await volunteer.accept();
    await expect
      .poll(async () => (await stored()).assignments.length, { timeout: 30_000 })
      .toBe(story.task.assignments.length + 1);

    // No signal from here: every step is saved on the phone at once and waits to upload.
    await volunteer.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await phone.setOffline(true);
    await volunteer.onMyWay();
    await volunteer.finish('could_not_complete');
    await expect(volunteer.page.locator('.error-summary')).toContainText(
      volunteer.text('tasks.errors.outcome_reason.required'),
    );
    await expectNoAxeViolations(volunteer.page, `an outcome with no reason (${lang})`);
    await volunteer.finish('helped');
    await expect(volunteer.fact('status')).toHaveText(volunteer.text('work.status.done'));
    await volunteer.addNote('Left the shopping with the neighbour at number 4.');
    const waiting = volunteer.text('staff.sync.pending_other', { count: 999 });
    await expect(volunteer.page.locator('.work-status')).toContainText(
      new RegExp(waiting.replace('999', '\\d+').replace('.', '\\.')),
    );

    await volunteer.page.reload();
    await hydrated(volunteer.page);
    await expect(volunteer.fact('status')).toHaveText(volunteer.text('work.status.done'));
    await expect(volunteer.facts.locator('[data-field="outcome"]')).toContainText(
      volunteer.text('tasks.outcome.helped'),
    );
    await expect(volunteer.notes).toContainText('Left the shopping with the neighbour');
    expect((await stored()).status).toBe('assigned');

    await phone.setOffline(false);
    await expect
      .poll(async () => [(await stored()).status, (await stored()).outcome], { timeout: 30_000 })
      .toEqual(['done', { kind: 'helped' }]);

    const desk = await browser.newContext({ baseURL });
    const coordinator = await StaffWork.open(desk, lang);
    await coordinator.signIn(story.coordinator.username, password);
    await coordinator.gotoRequest(story.task._id);
    await expect(coordinator.facts.locator('[data-field="outcome"]')).toContainText(
      coordinator.text('tasks.outcome.helped'),
    );
    const history = coordinator.page.getByTestId('history');
    await expect(history).toContainText(coordinator.text('tasks.history.accepted'));
    await expect(history).toContainText(
      coordinator.text('tasks.history.outcome', {
        outcome: coordinator.text('tasks.outcome.helped'),
      }),
    );
    await expect(coordinator.notes).toContainText('Left the shopping with the neighbour');
    await expectNoAxeViolations(coordinator.page, `a finished task, to the coordinator (${lang})`);
    await phone.close();
    await desk.close();
  });
}

test('a task declined needs a reason, which the coordinator reads, and goes back to triage', async ({
  browser,
  baseURL,
  server,
}) => {
  test.setTimeout(120_000);
  const now = new Date();
  const story = cast(now);
  await server.seedStaffWorld(shape(story.seed, now), password);
  // The coordinator sees the task is not accepted yet.
  const desk = await browser.newContext({ baseURL });
  const coordinator = await StaffWork.open(desk, 'cy');
  await coordinator.signIn(story.coordinator.username, password);
  await coordinator.gotoRequest(story.task._id);
  await expect(coordinator.page.getByTestId('not-accepted')).toHaveText(
    coordinator.text('tasks.not_accepted_tag'),
  );

  const phone = await browser.newContext({ baseURL });
  const volunteer = await StaffWork.open(phone, 'cy');
  await volunteer.signIn(story.volunteer.username, password);
  await volunteer.gotoRequest(story.task._id);

  await volunteer.decline('');
  const summary = volunteer.page.locator('.error-summary');
  await expect(summary).toContainText(volunteer.text('tasks.errors.decline_reason.required'));
  await expect(volunteer.page).toHaveTitle(
    new RegExp(`^${volunteer.text('common.error_title_prefix')}`),
  );
  await expectNoAxeViolations(volunteer.page, 'a decline with no reason (cy)');
  await summary.getByRole('link').click();
  await expect(volunteer.page.getByLabel(volunteer.text('tasks.decline_label'))).toBeFocused();

  const reason = 'Rwy’n sâl heddiw, mae’n ddrwg gen i.';
  await volunteer.decline(reason);
  await expect(volunteer.saved).toBeVisible();
  await expect
    .poll(
      async () => {
        const doc = (await server.appServer.storage.replicatedDb.get(story.task._id)) as RequestDoc;
        return [doc.status, doc.assignee, doc.decline_reason];
      },
      { timeout: 30_000 },
    )
    .toEqual(['triaged', null, reason]);

  // The coordinator's page, open all along, follows.
  await expect(coordinator.fact('status')).toHaveText(coordinator.text('work.status.triaged'), {
    timeout: 30_000,
  });
  await expect(coordinator.page.getByTestId('not-accepted')).toHaveCount(0);
  const history = coordinator.page.getByTestId('history');
  await expect(history).toContainText(coordinator.text('tasks.history.declined'));
  await expect(history).toContainText(reason);
  // Back in the queue, the row says what happened before it is opened.
  await coordinator.page
    .getByRole('link', { name: coordinator.text('work.request.list_link') })
    .click();
  await expect(coordinator.card(story.task._id).getByTestId('outcome-tag')).toHaveText(
    coordinator.text('tasks.history.declined'),
  );
  await phone.close();
  await desk.close();
});
