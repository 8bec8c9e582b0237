/**
 * The whole journey, online, in both languages and for every kind of help: from the start page to
 * a reference on screen, the request listed on "my requests" with its status, and the server holding
 * it once, with the status it reports to the phone's own token.
 */
import {
  foodForMyself,
  prescriptionForSomeoneElse,
  somethingElse,
  supportWhileIsolating,
  type HelpRequest,
} from '../support/resident/help-requests.ts';
import { expectedAnswers } from '../support/resident/answers.ts';
import { expect, test } from '../fixtures.ts';
import type { Lang } from '../support/resident/locales.ts';
import { referencePattern } from '../pages/sent-page.ts';

const journeys: { name: string; lang: Lang; request: HelpRequest }[] = [
  { name: 'food for myself, in Welsh', lang: 'cy', request: foodForMyself() },
  {
    name: 'a prescription for someone else, in English',
    lang: 'en',
    request: prescriptionForSomeoneElse(),
  },
  { name: 'support while self-isolating, in Welsh', lang: 'cy', request: supportWhileIsolating() },
  { name: 'something else, in English', lang: 'en', request: somethingElse() },
];

for (const { name, lang, request } of journeys) {
  test(`a resident asks for ${name}`, async ({ cymorth, device, server }) => {
    const before = await server.requestCount();

    const check = await cymorth.answerEverything(request, lang);
    const shown = expectedAnswers(request, lang);
    await expect(check.questions).toHaveText(shown.map((a) => a.question));
    for (const [n, { question, lines }] of shown.entries()) {
      await expect(check.answerLines(n), question).toHaveText(lines);
    }

    await check.sendButton.click();
    const sent = cymorth.sent(lang);

    await expect(sent.sentHeading).toBeVisible();
    await expect(sent.reference).toHaveText(referencePattern);
    const reference = (await sent.reference.innerText()).replaceAll(' ', '');
    const id = sent.requestId();

    const onPhone = await device.storedRequest(id);
    expect(onPhone).toMatchObject({ state: 'sent', reference, status: 'new' });

    expect(await server.requestCount()).toBe(before + 1);
    expect(await server.storedRequest(id)).toMatchObject({
      reference,
      kind: request.help.kind,
      status: 'new',
    });
    const status = await server.status(reference, onPhone?.status_token ?? '');
    expect(status).toEqual({
      code: 200,
      body: expect.objectContaining({ reference, status: 'new' }) as unknown,
    });

    await sent.myRequestsLink.click();
    const myRequests = cymorth.myRequests(lang);
    await expect(myRequests.heading).toBeVisible();
    await expect(myRequests.cards).toHaveCount(1);
    const card = myRequests.card(request.help.kind);
    await expect(myRequests.field(card, 'requests.status_label')).toHaveText(
      myRequests.statusText('new'),
    );
    await expect(myRequests.field(card, 'requests.reference')).toHaveText(
      await sent.reference.innerText(),
    );
  });
}
