/**
 * The work screens as people use them: a coordinator's queue and a volunteer's tasks and their
 * request pages pass axe in both languages, and one action is done with the keyboard alone.
 */
import { isPastVolunteerRetention } from '#domain/access/access.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { generate } from '../../../scripts/seed/generate.ts';
import { StaffWork } from '../pages/staff-work.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expect, test } from '../fixtures.ts';
import { KeyboardUser } from '../support/keyboard-user.ts';
import { hydrated } from '../support/hydration.ts';
import { otherLang, t, type Lang } from '../support/resident/locales.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
const shape = (now: Date) => ({
  requests: 40,
  volunteers: 4,
  areas: 2,
  coordinators: 1,
  seed: 5,
  now,
});

/** A volunteer with a task of their own, and that task. */
function volunteerWithTask(now: Date) {
  const { docs, accounts } = generate(shape(now));
  for (const account of accounts.filter((a) => a.role === 'volunteer' && a.approved)) {
    const task = docs.find(
      (d): d is RequestDoc =>
        d.type === 'request' && d.assignee === account.userId && d.status === 'assigned',
    );
    if (task) return { account, task };
  }
  throw new Error('no volunteer has an assigned task in this world');
}

/** The coordinator of every area sees all the requests that are not finished. */
const activeRequests = (now: Date) =>
  generate(shape(now)).docs.filter(
    (d) => d.type === 'request' && d.status !== 'done' && d.status !== 'cancelled',
  ).length;

const tasksOf = (userId: string, now: Date) =>
  generate(shape(now)).docs.filter(
    (d) =>
      d.type === 'request' &&
      d.assignee === userId &&
      !isPastVolunteerRetention(d, now.toISOString()),
  ).length;

async function switchLanguage(work: StaffWork, to: Lang): Promise<StaffWork> {
  await work.page.getByRole('link', { name: t(work.lang, 'common.language.switch_label') }).click();
  await expect(work.page).toHaveURL(new RegExp(`/${to}/staff/`));
  await hydrated(work.page);
  return new StaffWork(work.page, to);
}

for (const [role, lang, username] of [
  ['coordinator', 'cy', 'coordinator1'],
  ['volunteer', 'en', null],
] as const) {
  test(`a ${role}'s list and request pages pass axe in both languages`, async ({
    browser,
    baseURL,
    server,
  }) => {
    const now = new Date();
    await server.seedStaffWorld(shape(now), password);
    const { account, task } = volunteerWithTask(now);
    const context = await browser.newContext({ baseURL });
    let work = await StaffWork.open(context, lang);
    await work.signIn(username ?? account.username, password);
    await work.openList(
      role === 'volunteer' ? 'staff.home.tasks_link' : 'staff.home.requests_link',
    );
    if (role === 'coordinator') {
      // Everything not yet done or cancelled, counted with the plural form CLDR gives the count.
      const active = activeRequests(now);
      const form = new Intl.PluralRules(lang).select(active);
      const shown = Math.min(active, 50);
      await expect(work.page.getByTestId('queue-count')).toContainText(
        work.text(`desk.showing_${form}`, { count: active, shown }),
      );
    } else {
      // Their tasks, finished ones included until they leave the phone.
      const mine = tasksOf(account.userId, now);
      const form = new Intl.PluralRules(lang).select(mine);
      await expect(
        work.page.getByText(work.text(`work.list.mine_count_${form}`, { count: mine })),
      ).toBeVisible();
    }
    await expectNoAxeViolations(work.page, `${role} list (${lang})`, { soft: true });
    await work.openRequest(task._id);
    await expectNoAxeViolations(work.page, `${role} request (${lang})`, { soft: true });

    work = await switchLanguage(work, otherLang(lang));
    await expect(work.facts).toBeVisible();
    await expect(work.fact('status')).toHaveText(work.text('work.status.assigned'));
    await expectNoAxeViolations(work.page, `${role} request (${work.lang})`, { soft: true });
    await work.page.getByRole('link', { name: work.text('work.request.list_link') }).click();
    await expect(work.card(task._id)).toBeVisible();
    await expectNoAxeViolations(work.page, `${role} list (${work.lang})`, { soft: true });
    await context.close();
  });
}

test('a coordinator makes a task urgent and leaves a note with the keyboard alone', async ({
  browser,
  baseURL,
  server,
}) => {
  const now = new Date();
  await server.seedStaffWorld(shape(now), password);
  const { task } = volunteerWithTask(now);
  const context = await browser.newContext({ baseURL });
  const work = await StaffWork.open(context, 'cy');
  await work.signIn('coordinator1', password);
  await work.gotoRequest(task._id);

  const keys = new KeyboardUser(work.page);
  const urgency = task.urgency === 'high' ? 'low' : 'high';
  const urgencyGroup = work.page.getByRole('group', {
    name: work.text('work.actions.urgency_legend'),
  });
  await keys.chooseRadio(
    urgencyGroup.getByLabel(work.text(`work.urgency.${urgency}`), { exact: true }),
  );
  await keys.press(
    work.page.getByRole('button', { name: work.text('work.actions.urgency_button') }),
    'Enter',
  );
  await expect(work.fact('urgency')).toHaveText(work.text(`work.urgency.${urgency}`));
  await expect(work.saved).toBeVisible();

  await keys.typeInto(work.page.getByLabel(work.text('work.notes.label')), 'Ffoniwch cyn galw.');
  await keys.press(
    work.page.getByRole('button', { name: work.text('work.notes.button') }),
    'Enter',
  );
  await expect(work.notes).toContainText('Ffoniwch cyn galw.');

  // An empty note is explained, and the summary links to the field.
  await keys.press(
    work.page.getByRole('button', { name: work.text('work.notes.button') }),
    'Enter',
  );
  await expect(work.page.getByRole('alert')).toContainText(work.text('work.notes.errors.required'));
  await expect(work.page).toHaveTitle(new RegExp(`^${work.text('common.error_title_prefix')}`));
  await context.close();
});

test('a request page opens with no signal, and an unknown one says it is not on the device', async ({
  browser,
  baseURL,
  server,
}) => {
  const now = new Date();
  await server.seedStaffWorld(shape(now), password);
  const { account, task } = volunteerWithTask(now);
  const context = await browser.newContext({ baseURL });
  const work = await StaffWork.open(context, 'en');
  await work.signIn(account.username, password);
  await work.gotoRequest(task._id);
  await work.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await context.setOffline(true);
  // No page was built for this address: the service worker answers with the app's fallback.
  await work.page.reload();
  await hydrated(work.page);
  await expect(work.fact('status')).toHaveText(work.text('work.status.assigned'));
  await work.page.goto('/en/staff/requests/00000000-0000-4000-8000-000000000000');
  await expect(
    work.page.getByRole('heading', { name: work.text('work.request.not_found_title') }),
  ).toBeVisible();
  await context.setOffline(false);
  await context.close();
});
