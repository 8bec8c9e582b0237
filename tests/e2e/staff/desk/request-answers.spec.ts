/**
 * What the resident asked, as staff read it: a neighbour asks on a resident's behalf for a
 * prescription to be collected, in Welsh; the coordinator sees the Welsh badge on the queue's row,
 * and on the request every answer grouped as the resident was asked, the channel, who asked for
 * whom, and a history that starts with the request's creation; the volunteer given the task sees
 * the badge on their list and the answers on their task, and their history names the coordinator
 * who gave it to them (whose account their phone never holds: GET /api/staff-names), offline too,
 * until they sign out. Axe on each page, in Welsh and English.
 */
import { randomUUID } from 'node:crypto';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { requestDocId } from '#domain/documents/doc-ids.ts';
import {
  onBehalfSubmission,
  person,
  rawSubmission,
  withPath,
  type Json,
} from '../../../support/submissions.ts';
import { StaffWork } from '../../pages/staff-work.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { hydrated } from '../../support/hydration.ts';
import { expect, test } from '../../fixtures.ts';
import type { Lang } from '../../support/resident/locales.ts';
import type { ServerSide } from '../../support/app/server-side.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
const shape = (now: Date) => ({
  requests: 4,
  volunteers: 3,
  areas: 1,
  coordinators: 1,
  seed: 23,
  now,
});

/** Sends `submission` from the seeded area, in `language`; returns its request id. */
async function sent(server: ServerSide, area: AreaDoc, submission: Json, language: Lang) {
  const id = randomUUID();
  let body = withPath(submission, ['id'], id);
  body = withPath(body, ['contact', 'postcode'], `${area.postcode_districts![0]} 1AA`);
  body = withPath(body, ['contact', 'language'], language);
  const answer = await server.submit(body);
  expect(answer.code).toBe(201);
  return requestDocId(id);
}

for (const lang of ['cy', 'en'] as const) {
  test(`${lang}: the coordinator and the volunteer see what was asked, and the Welsh badge`, async ({
    browser,
    baseURL,
    server,
  }) => {
    // Two devices syncing, four axe scans and an offline reload, on a shared two-core machine.
    test.setTimeout(300_000);
    const world = await server.seedStaffWorld(shape(new Date()), password);
    const area = world.docs.find((d): d is AreaDoc => d.type === 'area')!;
    const volunteer = world.accounts.find((a) => a.role === 'volunteer' && a.approved)!;
    const welsh = await sent(server, area, onBehalfSubmission('prescription'), 'cy');
    const english = await sent(server, area, rawSubmission('food'), 'en');

    // The queue: the Welsh preference stands out on its row, and only on its row.
    const desk = await browser.newContext({ baseURL });
    const coordinator = await StaffWork.open(desk, lang);
    await coordinator.signIn('coordinator1', password);
    await coordinator.openList('staff.home.requests_link');
    await expect(coordinator.card(welsh).getByTestId('language-badge')).toHaveText(
      coordinator.text('answers.badge.welsh'),
    );
    await expect(coordinator.card(english)).toBeVisible();
    await expect(coordinator.card(english).getByTestId('language-badge')).toHaveCount(0);
    await expectNoAxeViolations(coordinator.page, `queue with a Welsh badge (${lang})`, {
      soft: true,
    });

    // The request: the badge, then every answer in the groups the resident was asked in.
    await coordinator.openRequest(welsh);
    const page = coordinator.page;
    await expect(page.getByTestId('language-badge')).toHaveText(
      coordinator.text('answers.badge.welsh'),
    );
    for (const section of ['who', 'help', 'contact'] as const) {
      await expect(
        page.getByRole('heading', {
          level: 2,
          name: coordinator.text(`answers.sections.${section}`),
        }),
      ).toBeVisible();
    }
    const who = page.getByTestId('answers-who');
    const answer = (id: string) => page.locator(`[data-answer="${id}"] dd`);
    await expect(answer('channel')).toHaveText(coordinator.text('answers.channel.web'));
    await expect(answer('asked_by')).toContainText(person.requester_name);
    await expect(answer('asked_by')).toContainText(
      coordinator.text('answers.requester.relationship', {
        relationship: person.requester_relationship,
      }),
    );
    await expect(who.locator('[data-answer="taken_by"]')).toHaveCount(0);
    await expect(answer('pharmacy')).toHaveText('Fferyllfa Stryd Fawr');
    await expect(answer('prescription-payment')).toHaveText(
      coordinator.text('request.prescription_payment.options.nothing_to_pay'),
    );
    await expect(answer('circumstances')).toHaveText(
      coordinator.text('request.circumstances.lives_alone'),
    );
    await expect(answer('name')).toHaveText(person.name);
    await expect(answer('phone').getByRole('link')).toHaveText(person.phoneStored);
    await expect(answer('access-needs')).toHaveText(person.access_needs);
    await expect(answer('language')).toHaveText(coordinator.text('common.language.cy'));
    await expect(answer('consent')).toHaveText(coordinator.text('work.consent.state.given'));
    // The history starts where the request did: on the web form.
    await expect(page.getByTestId('history-created')).toContainText(
      coordinator.text('answers.history.web'),
    );
    await expectNoAxeViolations(page, `request with every answer (${lang})`, { soft: true });

    // Given to a volunteer, who sees the badge on their list and the answers on their task.
    await page
      .getByLabel(coordinator.text('work.actions.assign_label'))
      .selectOption(volunteer.userId);
    await page
      .getByRole('button', { name: coordinator.text('work.actions.assign_button'), exact: true })
      .click();
    await expect(coordinator.fact('status')).toHaveText(coordinator.text('work.status.assigned'));

    const field = await browser.newContext({ baseURL });
    const phone = await StaffWork.open(field, lang);
    await phone.signIn(volunteer.username, password);
    await phone.openList('staff.home.tasks_link');
    await expect(phone.card(welsh).getByTestId('language-badge')).toHaveText(
      phone.text('answers.badge.welsh'),
      { timeout: 30_000 },
    );
    await expectNoAxeViolations(phone.page, `volunteer's tasks with a Welsh badge (${lang})`, {
      soft: true,
    });
    await phone.openRequest(welsh);
    await expect(phone.page.getByTestId('language-badge')).toBeVisible();
    await expect(phone.page.locator('[data-answer="pharmacy"] dd')).toHaveText(
      'Fferyllfa Stryd Fawr',
    );
    await expect(phone.page.locator('[data-answer="name"] dd')).toHaveText(person.name);
    await expect(phone.page.getByTestId('history-created')).toContainText(
      phone.text('answers.history.web'),
    );
    // Who gave them the task, by name: "a member of staff" nowhere in their history.
    const lead = world.accounts.find((a) => a.role === 'coordinator')!;
    const history = phone.page.getByTestId('history');
    await expect(history).toContainText(
      phone.text('work.history.assignee', {
        from: phone.text('work.labels.nobody'),
        to: phone.text('work.who.you'),
      }),
    );
    await expect(history).toContainText(lead.displayName);
    await expect(history).not.toContainText(phone.text('work.who.staff'));
    await expectNoAxeViolations(phone.page, `volunteer's task with every answer (${lang})`, {
      soft: true,
    });

    // The names are kept on the phone: the task opened again with no signal still names them.
    await phone.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await field.setOffline(true);
    await phone.page.reload();
    await hydrated(phone.page);
    await expect(phone.page.getByTestId('history')).toContainText(lead.displayName);
    await field.setOffline(false);
    // And leave it with the account at sign-out.
    const namesKey = 'cymorth.staff.names';
    expect(await phone.page.evaluate((key) => localStorage.getItem(key), namesKey)).not.toBeNull();
    await phone.page.goto(`/${lang}/staff`);
    // A click before the page comes to life reaches plain HTML and signs nobody out.
    await hydrated(phone.page);
    await phone.page.getByRole('button', { name: phone.text('staff.home.sign_out') }).click();
    await expect(phone.page).toHaveURL(new RegExp(`/${lang}/staff/sign-in$`));
    expect(await phone.page.evaluate((key) => localStorage.getItem(key), namesKey)).toBeNull();
    await desk.close();
    await field.close();
  });
}
