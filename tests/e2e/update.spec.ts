/**
 * A new version of the app must never cost a resident what they have saved or typed: the update
 * prompt reloads the page, and the waiting request and the half-written answer are still there.
 */
import { publishNewVersion } from './support/app/app-server.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { expect, test } from './fixtures.ts';
import { foodForMyself, somethingElse } from './support/resident/help-requests.ts';
import { hydrated } from './support/hydration.ts';
import { questionsFor } from './support/resident/questions.ts';

// This test publishes a new version, so it gets a server (and a copy of the app) of its own.
test.use({ ownServer: true });

declare global {
  interface Window {
    cymorthE2eBeforeUpdate?: boolean;
  }
}

test('updating keeps a waiting request and a half-written answer', async ({
  page,
  appServer,
  cymorth,
  device,
  server,
}) => {
  const start = cymorth.start('cy');
  await start.open();
  await device.serviceWorkerReady();
  // A resident's later visits are served by the service worker; this page now is one of those.
  await start.reload();
  expect(await device.isControlledByServiceWorker()).toBe(true);

  // The connection drops just as the request is sent.
  const letSubmissionsThrough = await device.dropSubmissions();
  const sent = await cymorth.askForHelp(foodForMyself(), 'cy');
  await expect(sent.waitingHeading).toBeVisible();
  const id = sent.requestId();

  // The resident starts another request and is halfway through typing an answer.
  await sent.anotherRequestLink.click();
  const question = cymorth.question('cy');
  const [who, kind, description] = questionsFor(somethingElse(), 'cy');
  await question.answer(who!);
  await question.answer(kind!);
  await question.expectAt(description!);
  const halfWritten = {
    control: 'text',
    label: description!.title,
    value: 'Help to read a le',
  } as const;
  await question.give(halfWritten);

  await publishNewVersion(appServer);
  await device.checkForUpdate();
  await expect(question.updateBanner).toBeVisible();
  expect(await device.hasWaitingWorker()).toBe(true);
  await expectNoAxeViolations(page, 'a question page with the update banner');

  await page.evaluate(() => (window.cymorthE2eBeforeUpdate = true));
  await question.updateButton.click();
  // The page reloads under the new version (a new document has no marker).
  await page.waitForFunction(() => window.cymorthE2eBeforeUpdate === undefined);
  await hydrated(page);
  await expect(question.updateBanner).toBeHidden();
  expect(await device.hasWaitingWorker()).toBe(false);

  await question.expectAt(description!);
  await expect(question.control(halfWritten)).toHaveValue(halfWritten.value);

  const myRequests = cymorth.myRequests('cy');
  await myRequests.open();
  await expect(myRequests.waitingCount('one', 1)).toBeVisible();
  const card = myRequests.card('food');
  await expect(myRequests.field(card, 'requests.status_label')).toHaveText(
    myRequests.waitingState(),
  );
  expect(await device.storedRequest(id)).toMatchObject({ state: 'waiting' });
  expect(await server.requestCount()).toBe(0);

  await letSubmissionsThrough();
  await myRequests.sendNowButton.click();
  await expect(myRequests.field(card, 'requests.status_label')).toHaveText(
    myRequests.statusText('new'),
  );
  expect(await server.requestCount()).toBe(1);
  expect(await device.storedRequest(id)).toMatchObject({ state: 'sent' });
});
