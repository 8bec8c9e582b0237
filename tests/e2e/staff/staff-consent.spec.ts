/**
 * The resident's consent to share their details, as the people involved meet it: a resident says
 * No on the form; the coordinator sees "call before sharing" on the queue and first on the request,
 * assigns a volunteer, who sees the task but not the person, and why; the coordinator records on a
 * page of its own that the resident agreed by phone; the contact then reaches the volunteer's phone.
 * Every new page passes axe, in Welsh and in English.
 */
import { randomUUID } from 'node:crypto';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { requestDocId } from '#domain/documents/doc-ids.ts';
import { person, rawSubmission, withPath, type Json } from '../../support/submissions.ts';
import { StaffWork } from '../pages/staff-work.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expect, test } from '../fixtures.ts';
import { hydrated } from '../support/hydration.ts';
import type { Lang } from '../support/resident/locales.ts';
import type { ServerSide } from '../support/app/server-side.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
const shape = (now: Date) => ({
  requests: 6,
  volunteers: 4,
  areas: 1,
  coordinators: 1,
  seed: 11,
  now,
});

/** A seeded area with a coordinator and an approved volunteer, and a resident who said No there. */
async function residentSaidNo(server: ServerSide) {
  const world = await server.seedStaffWorld(shape(new Date()), password);
  const area = world.docs.find((d): d is AreaDoc => d.type === 'area')!;
  const volunteer = world.accounts.find((a) => a.role === 'volunteer' && a.approved)!;
  const id = randomUUID();
  let submission: Json = rawSubmission('food', { id });
  submission = withPath(submission, ['contact', 'postcode'], `${area.postcode_districts![0]} 1AA`);
  submission = withPath(submission, ['contact', 'consent_to_share'], false);
  const sent = await server.submit(submission);
  expect(sent.code).toBe(201);
  return { volunteer, requestId: requestDocId(id) };
}

async function switchTo(work: StaffWork, lang: Lang): Promise<StaffWork> {
  await work.page.getByRole('link', { name: work.text('common.language.switch_label') }).click();
  await expect(work.page).toHaveURL(new RegExp(`/${lang}/staff/`));
  await hydrated(work.page);
  return new StaffWork(work.page, lang);
}

test('a resident says No: the coordinator calls, records consent, and the volunteer then sees the contact', async ({
  browser,
  baseURL,
  server,
}) => {
  const { volunteer, requestId } = await residentSaidNo(server);

  // The coordinator, in Welsh: the queue marks the row, the request opens with the warning.
  const desk = await browser.newContext({ baseURL });
  let coordinator = await StaffWork.open(desk, 'cy');
  await coordinator.signIn('coordinator1', password);
  await coordinator.openList('staff.home.requests_link');
  await expect(coordinator.card(requestId).getByTestId('call-first')).toHaveText(
    coordinator.text('work.consent.tag'),
  );
  await coordinator.openRequest(requestId);
  const warning = coordinator.page.getByTestId('call-before-sharing');
  await expect(warning).toContainText(coordinator.text('work.consent.call_form_no'));
  // First on the page: straight after the heading, before the facts and the actions.
  const first = coordinator.page.locator('h1 ~ :is(div, section)').first();
  await expect(first).toHaveAttribute('data-testid', 'call-before-sharing');
  await expectNoAxeViolations(coordinator.page, 'request awaiting consent (cy)', { soft: true });
  await coordinator.page
    .getByLabel(coordinator.text('work.actions.assign_label'))
    .selectOption(volunteer.userId);
  await coordinator.page
    .getByRole('button', { name: coordinator.text('work.actions.assign_button'), exact: true })
    .click();
  await expect(coordinator.fact('status')).toHaveText(coordinator.text('work.status.assigned'));

  // The volunteer, in English: the task, and why the person's details are not there.
  const field = await browser.newContext({ baseURL });
  let phone = await StaffWork.open(field, 'en');
  await phone.signIn(volunteer.username, password);
  await phone.gotoRequest(requestId);
  await expect(phone.page.getByTestId('awaiting-consent')).toHaveText(
    phone.text('work.consent.volunteer_waiting'),
  );
  await expect(phone.page.getByText(person.name)).toHaveCount(0);
  await expectNoAxeViolations(phone.page, 'task awaiting consent (en)', { soft: true });
  phone = await switchTo(phone, 'cy');
  await expect(phone.page.getByTestId('awaiting-consent')).toHaveText(
    phone.text('work.consent.volunteer_waiting'),
  );

  // The coordinator calls, and records the answer: one question, its error, its confirmation.
  await warning.getByRole('link', { name: coordinator.text('work.consent.record_link') }).click();
  await hydrated(coordinator.page);
  const question = coordinator.page.getByRole('group', {
    name: coordinator.text('work.consent_page.give_title'),
  });
  await expect(question).toBeVisible();
  await expectNoAxeViolations(coordinator.page, 'record consent (cy)', { soft: true });
  const record = coordinator.page.getByRole('button', {
    name: coordinator.text('work.consent_page.give_button'),
  });
  await record.click();
  await expect(coordinator.page.getByRole('alert')).toContainText(
    coordinator.text('work.consent_page.errors.give'),
  );
  await expect(coordinator.page).toHaveTitle(
    new RegExp(`^${coordinator.text('common.error_title_prefix')}`),
  );
  await expectNoAxeViolations(coordinator.page, 'record consent, error (cy)', { soft: true });
  await question.getByLabel(coordinator.text('work.consent.how.phone'), { exact: true }).check();
  await record.click();
  await expect(coordinator.page.getByTestId('consent-recorded')).toContainText(
    coordinator.text('work.consent_page.given_title'),
  );
  await expectNoAxeViolations(coordinator.page, 'consent recorded (cy)', { soft: true });

  // The contact, unchanged itself, reaches the volunteer's phone with the request that shares it.
  await expect(phone.page.locator('[data-answer="name"] dd')).toHaveText(person.name, {
    timeout: 30_000,
  });
  // And the task says how to reach them.
  await expect(
    phone.page.getByTestId('task').getByRole('link', {
      name: phone.text('tasks.needs.call', { name: person.name }),
    }),
  ).toHaveAttribute('href', /^tel:/);
  await expect(phone.page.getByTestId('awaiting-consent')).toHaveCount(0);

  // Back on the request: no warning, the answer and who recorded it, and the history says so.
  await coordinator.page
    .getByRole('link', { name: coordinator.text('work.consent_page.back') })
    .click();
  await expect(coordinator.facts).toBeVisible();
  await expect(coordinator.page.getByTestId('call-before-sharing')).toHaveCount(0);
  await expect(coordinator.page.getByTestId('consent-facts')).toContainText(
    coordinator.text('work.consent.state.given'),
  );
  await expect(coordinator.page.getByTestId('history')).toContainText(
    coordinator.text('work.consent.how.phone'),
  );

  // The same page in English now asks about withdrawing, and passes axe too.
  await coordinator.page
    .getByRole('link', { name: coordinator.text('work.consent.withdraw_link') })
    .click();
  await hydrated(coordinator.page);
  coordinator = await switchTo(coordinator, 'en');
  await expect(
    coordinator.page.getByRole('group', {
      name: coordinator.text('work.consent_page.withdraw_title'),
    }),
  ).toBeVisible();
  await expectNoAxeViolations(coordinator.page, 'withdraw consent (en)', { soft: true });
  await desk.close();
  await field.close();
});
