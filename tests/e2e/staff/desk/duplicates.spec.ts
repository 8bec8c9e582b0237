/**
 * Spotting a duplicate, in both languages: a resident asks for help on their phone, and the same
 * person's need comes in again by another route. Both rows of the coordinator's queue are tagged,
 * the request's page says what matched, and the coordinator marks the resident's request a
 * duplicate of the other after a warning of what that does. It closes; both pages link the pair
 * and their histories say it; the tags go. The resident's phone, looking up its own reference, is
 * told the status of the request kept. Axe on every page visited.
 */
import { randomUUID } from 'node:crypto';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { requestDocId } from '#domain/documents/doc-ids.ts';
import { formatReference } from '#domain/requests/reference.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { rawSubmission, withPath } from '../../../support/submissions.ts';
import { foodForMyself } from '../../support/resident/help-requests.ts';
import { StaffWork } from '../../pages/staff-work.ts';
import { Cymorth } from '../../pages/cymorth.ts';
import { watchHydration } from '../../support/hydration.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
const shape = (now: Date) => ({
  requests: 3,
  volunteers: 1,
  areas: 1,
  coordinators: 1,
  seed: 31,
  now,
});

for (const lang of ['cy', 'en'] as const) {
  test(`${lang}: a coordinator spots a duplicate and closes it, and the resident is still answered`, async ({
    browser,
    baseURL,
    server,
  }) => {
    test.setTimeout(120_000);
    const world = await server.seedStaffWorld(shape(new Date()), password);
    const area = world.docs.find((d): d is AreaDoc => d.type === 'area')!;
    const postcode = `${area.postcode_districts![0]} 3DY`;

    // The resident asks on their phone, which keeps the reference and its status token.
    const phone = await browser.newContext({ baseURL });
    const residentPage = await phone.newPage();
    await watchHydration(residentPage);
    const resident = new Cymorth(residentPage);
    const asked = foodForMyself({
      language: lang,
      address: { line1: '12 High Street', line2: '', town: 'Aberystwyth', postcode },
    });
    const sent = await resident.askForHelp(asked, lang);
    await expect(sent.sentHeading).toBeVisible();
    const marked = requestDocId(sent.requestId());

    // The same person again by another route: the name without its accent, the phone number
    // written another way, the street abbreviated, so only the domain's normal forms make them one.
    const keptUuid = randomUUID();
    let again = withPath(rawSubmission('prescription'), ['id'], keptUuid);
    for (const [field, value] of [
      ['name', 'Sian Prydderch'],
      ['phone', '+44 7700 900982'],
      ['address_line1', '12 High St.'],
      ['postcode', postcode.toLowerCase()],
    ] as const) {
      again = withPath(again, ['contact', field], value);
    }
    const answer = await server.submit(again);
    expect(answer.code).toBe(201);
    const kept = requestDocId(keptUuid);
    const keptRef = formatReference(String(answer.body.reference));
    const markedRef = formatReference((await server.storedRequest(sent.requestId()))!.reference);

    // The queue: both rows tagged.
    const desk = await browser.newContext({ baseURL });
    const work = await StaffWork.open(desk, lang);
    await work.signIn('coordinator1', password);
    await work.openList('staff.home.requests_link');
    const tag = (id: string) => work.card(id).getByTestId('possible-duplicate');
    await expect(tag(marked)).toHaveText(work.text('duplicates.tag'));
    await expect(tag(kept)).toHaveText(work.text('duplicates.tag'));
    await expectNoAxeViolations(work.page, `queue with duplicates (${lang})`);

    // The resident's request: the other one, linked, with what matched.
    await work.openRequest(marked);
    const page = work.page;
    const panel = page.getByTestId('possible-duplicates');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(
      work.text('duplicates.title'),
    );
    const match = panel.locator(`li[data-id="${kept}"]`);
    await expect(match.getByRole('link')).toContainText(keptRef);
    await expect(match.locator('[data-field="matched"]')).toContainText(
      ['phone', 'address', 'name_postcode']
        .map((f) => work.text(`duplicates.fields.${f}`))
        .join(' · '),
    );
    await expectNoAxeViolations(page, `request with a possible duplicate (${lang})`);

    // Marking asks first, warning what happens; cancelling changes nothing.
    const markButton = match.getByRole('button', {
      name: work.text('duplicates.mark_button', { reference: keptRef }),
    });
    await markButton.click();
    const confirm = page.getByTestId('confirm-duplicate');
    await expect(confirm.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(confirm).toContainText(
      work.text('duplicates.confirm.closes', { own: markedRef, reference: keptRef }),
    );
    await expect(confirm).toContainText(
      work.text('duplicates.confirm.resident', { own: markedRef }),
    );
    await expectNoAxeViolations(page, `confirming a duplicate (${lang})`);
    await confirm.getByRole('button', { name: work.text('duplicates.confirm.cancel') }).click();
    await expect(confirm).toHaveCount(0);
    await expect(work.fact('status')).toHaveText(work.text('work.status.new'));

    await markButton.click();
    await confirm.getByRole('button', { name: work.text('duplicates.confirm.button') }).click();
    await expect(work.saved).toBeVisible();
    await expect(work.fact('status')).toHaveText(work.text('work.status.cancelled'));
    await expect(panel).toHaveCount(0);
    const links = page.getByTestId('duplicate-links');
    await expect(links.locator('[data-field="duplicate-of"]')).toContainText(
      work.text('duplicates.of_label'),
    );
    await expect(page.getByTestId('history')).toContainText(
      work.text('duplicates.history.closed_as_duplicate', { reference: keptRef }),
    );
    await expectNoAxeViolations(page, `request closed as a duplicate (${lang})`);

    // The request kept links back, and its history says so; it moves on.
    await links.locator('[data-field="duplicate-of"]').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(kept.replace('request:', '') + '$'));
    await expect(links.locator('[data-field="duplicates"]')).toContainText(markedRef);
    await expect(page.getByTestId('history')).toContainText(
      work.text('duplicates.history.duplicate_linked', { reference: markedRef }),
    );
    await expect(page.getByTestId('possible-duplicates')).toHaveCount(0);
    await work.setStatus('triaged');
    await expectNoAxeViolations(page, `request kept (${lang})`);

    // The pair is settled: no tag on the queue.
    await page.getByRole('link', { name: work.text('work.request.list_link') }).click();
    await expect(work.card(kept)).toBeVisible();
    await expect(tag(kept)).toHaveCount(0);

    // Once uploaded, the server holds the link; the resident's phone is told the kept status.
    await expect
      .poll(async () => {
        const stored = await server.appServer.storage.replicated.get<RequestDoc>(marked);
        return [stored?.status, stored?.duplicate_of];
      })
      .toEqual(['cancelled', kept]);
    await expect.poll(async () => (await server.storedRequest(keptUuid))?.status).toBe('triaged');
    const mine = resident.myRequests(lang);
    await mine.open();
    const card = mine.card('food');
    await expect(mine.field(card, 'requests.status_label')).toHaveText(mine.statusText('triaged'));
    await expectNoAxeViolations(residentPage, `resident's status of a duplicate (${lang})`);
    await desk.close();
    await phone.close();
  });
}
