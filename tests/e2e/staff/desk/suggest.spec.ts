/**
 * Matching the right volunteer: a resident who prefers Welsh asks for help; on the coordinator's
 * request page the Welsh speaker is suggested first, saying so, the one who speaks none after them
 * saying that, and the volunteer still waiting for approval is ruled out with the rule. The
 * coordinator assigns from the list in one step, offline, and it uploads once back; the volunteers page then shows the load and the
 * last task, linked; the volunteer, on their own phone, finds the task with the Welsh badge. Axe on
 * each page, in Welsh and English.
 */
import { randomUUID } from 'node:crypto';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { requestDocId } from '#domain/documents/doc-ids.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { formatReference } from '#domain/requests/reference.ts';
import { generate } from '../../../../scripts/seed/generate.ts';
import { rawSubmission, withPath } from '../../../support/submissions.ts';
import { StaffWork } from '../../pages/staff-work.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';
import type { ServerSide } from '../../support/app/server-side.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
// No requests but ours, so nobody has work yet and Welsh alone sets the order.
const shape = (now: Date) => ({
  requests: 0,
  volunteers: 3,
  areas: 1,
  coordinators: 1,
  seed: 31,
  now,
});

const everyDay = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  parts_of_day: ['morning', 'afternoon', 'evening'],
  note: '',
} satisfies VolunteerDoc['availability'];

/**
 * A world of two approved volunteers free every day, of whom only the one whose id sorts last
 * speaks Welsh (so the order by id alone would put them second), and one still pending.
 */
async function seedWorld(server: ServerSide) {
  const world = generate(shape(new Date()));
  const approved = world.accounts
    .filter((a) => a.role === 'volunteer' && a.approved)
    .sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const pending = world.accounts.find((a) => a.role === 'volunteer' && !a.approved);
  expect(approved.length).toBe(2);
  expect(pending).toBeDefined();
  const [english, welsh] = approved as [(typeof approved)[0], (typeof approved)[0]];
  const docs: typeof world.docs = world.docs.map((d) => {
    if (d.type !== 'volunteer') return d;
    const speaks = d._id.endsWith(welsh.userId) || d.approval === 'pending';
    const skills: VolunteerDoc['skills'] = speaks ? ['welsh_speaker'] : [];
    return { ...d, availability: everyDay, skills };
  });
  await server.appServer.storage.replicatedDb.bulkDocs(docs);
  for (const account of world.accounts) {
    await server.createStaffAccount({
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      areas: account.areas,
      password,
    });
  }
  const area = docs.find((d): d is AreaDoc => d.type === 'area')!;
  const nameOf = (userId: string) =>
    docs.find((d): d is VolunteerDoc => d._id === `volunteer:${userId}`)!.name;
  return { area, welsh, english, pending: pending!, nameOf };
}

/** "N changes are waiting to upload", in whichever plural form the count takes. */
function pendingText(work: StaffWork): RegExp {
  const forms = ['zero', 'one', 'two', 'few', 'many', 'other'].flatMap((form) => {
    try {
      const text = work.text(`staff.sync.pending_${form}`, { count: 999 });
      return [text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('999', '\\d+')];
    } catch {
      return []; // English has two forms, Welsh six
    }
  });
  return new RegExp(forms.join('|'));
}

for (const lang of ['cy', 'en'] as const) {
  test(`${lang}: the Welsh speaker is suggested first, assigned in one step, and gets the task`, async ({
    browser,
    baseURL,
    server,
  }) => {
    // Two devices, a first sync each, and a write that waits for the signal: more than a minute
    // on two shared cores.
    test.slow();
    const { area, welsh, english, pending, nameOf } = await seedWorld(server);
    const id = randomUUID();
    let body = withPath(rawSubmission('food'), ['id'], id);
    body = withPath(body, ['contact', 'postcode'], `${area.postcode_districts![0]} 1AA`);
    body = withPath(body, ['contact', 'language'], 'cy');
    const sent = await server.submit(body);
    expect(sent.code).toBe(201);
    const requestId = requestDocId(id);
    const reference = String(sent.body.reference);

    const desk = await browser.newContext({ baseURL });
    const coordinator = await StaffWork.open(desk, lang);
    await coordinator.signIn('coordinator1', password);
    await coordinator.openList('staff.home.requests_link');
    await coordinator.openRequest(requestId);
    const page = coordinator.page;

    // The Welsh speaker first, with the reason; the other after, with theirs.
    const section = page.getByTestId('suggestions');
    await expect(
      section.getByRole('heading', { level: 2, name: coordinator.text('matching.suggest.title') }),
    ).toBeVisible();
    const rows = section.getByTestId('suggestion');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).getByRole('heading')).toHaveText(nameOf(welsh.userId));
    await expect(rows.nth(0).getByTestId('suggestion-reasons')).toContainText(
      coordinator.text('matching.reasons.speaks_welsh'),
    );
    await expect(rows.nth(0).getByTestId('suggestion-reasons')).toContainText(
      coordinator.text('matching.reasons.open_tasks_zero'),
    );
    await expect(rows.nth(1).getByRole('heading')).toHaveText(nameOf(english.userId));
    await expect(rows.nth(1).getByTestId('suggestion-reasons')).toContainText(
      coordinator.text('matching.reasons.no_welsh'),
    );

    // The one waiting for approval is ruled out, with the rule, behind a summary.
    const ruledOut = section.getByTestId('ruled-out');
    await expect(ruledOut.getByText(nameOf(pending.userId))).toBeHidden();
    await ruledOut
      .getByText(coordinator.text('matching.suggest.ruled_out_one', { count: 1 }))
      .click();
    await expect(ruledOut.getByRole('listitem')).toHaveText(
      `${nameOf(pending.userId)}: ${coordinator.text('matching.ineligible.not_approved')}`,
    );
    await expectNoAxeViolations(page, `request with suggested volunteers (${lang})`, {
      soft: true,
    });

    // One step, with no signal: the row's own button, named for the volunteer. The write is in
    // the replica at once, counted until it is uploaded.
    await desk.setOffline(true);
    await rows
      .nth(0)
      .getByRole('button', {
        name: `${coordinator.text('matching.suggest.assign_button')} ${nameOf(welsh.userId)}`,
      })
      .click();
    await expect(coordinator.saved).toBeVisible();
    await expect(coordinator.fact('status')).toHaveText(coordinator.text('work.status.assigned'));
    await expect(coordinator.fact('volunteer')).toHaveText(nameOf(welsh.userId));
    // Whoever holds it is not suggested again.
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0).getByRole('heading')).toHaveText(nameOf(english.userId));
    const waiting = page.getByText(pendingText(coordinator));
    await expect(waiting).toBeVisible();
    await desk.setOffline(false);
    await expect(waiting).toBeHidden({ timeout: 30_000 });

    // The volunteers page: their load and their last task, linked to the request.
    await page.goto(`/${lang}/staff/volunteers`);
    const card = page.getByRole('article', { name: nameOf(welsh.userId) });
    await expect(card.getByTestId('open-tasks').locator('dd')).toHaveText('1');
    const link = card.getByTestId('last-task').getByRole('link', {
      name: coordinator.text('matching.load.last_task_link', {
        reference: formatReference(reference),
      }),
    });
    await expect(link).toBeVisible();
    const other = page.getByRole('article', { name: nameOf(english.userId) });
    await expect(other.getByTestId('open-tasks').locator('dd')).toHaveText('0');
    await expect(other.getByTestId('last-task')).toContainText(
      coordinator.text('matching.load.no_task'),
    );
    await expectNoAxeViolations(page, `volunteers with their load (${lang})`, { soft: true });
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${id}$`));

    // The volunteer's own phone: the task, with the Welsh badge.
    const field = await browser.newContext({ baseURL });
    const phone = await StaffWork.open(field, lang);
    await phone.signIn(welsh.username, password);
    await phone.openList('staff.home.tasks_link');
    await expect(phone.card(requestId).getByTestId('language-badge')).toHaveText(
      phone.text('answers.badge.welsh'),
      { timeout: 30_000 },
    );
    await expectNoAxeViolations(phone.page, `volunteer's tasks after a suggestion (${lang})`, {
      soft: true,
    });
    await desk.close();
    await field.close();
  });
}
