/**
 * What a resident's phone says once a volunteer has said how their visit ended
 * (tasks/outcomes.ts), in each language: the status, and the outcome's meaning in words, never the
 * volunteer's own. The volunteer's side is staff/task-outcomes.spec.ts; here the finished request
 * is stored as their device uploads it.
 */
import { finish } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { Cymorth } from '../pages/cymorth.ts';
import { foodForMyself } from '../support/resident/help-requests.ts';
import { watchHydration } from '../support/hydration.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { t } from '../support/resident/locales.ts';
import { expect, test } from '../fixtures.ts';

test.use({ ownServer: true });

for (const lang of ['cy', 'en'] as const) {
  test(`${lang}: the resident is told a volunteer could not complete it and a coordinator is looking again`, async ({
    page,
    server,
  }) => {
    await watchHydration(page);
    const resident = new Cymorth(page);
    const sent = await resident.askForHelp(foodForMyself({ language: lang }), lang);
    await expect(sent.sentHeading).toBeVisible();

    const db = server.appServer.storage.replicatedDb;
    const id = `request:${sent.requestId()}`;
    const asked = await db.get<RequestDoc>(id);
    const volunteer = '7e57ab1e-0000-4000-8000-000000000001';
    const visit = { kind: 'could_not_complete', reason: 'Mr Jones was in hospital' } as const;
    await db.put(finish(asked, volunteer, visit, new Date().toISOString()));

    const mine = resident.myRequests(lang);
    await mine.open();
    const card = mine.card('food');
    await expect(mine.field(card, 'requests.status_label')).toContainText(
      mine.statusText('triaged'),
    );
    await expect(card.getByTestId('outcome')).toHaveText(
      t(lang, 'requests.outcome.could_not_complete'),
    );
    await expect(card).not.toContainText('hospital');
    await expectNoAxeViolations(page, `a request a volunteer could not complete (${lang})`);
  });
}
