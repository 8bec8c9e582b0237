/**
 * Offline first: after one visit the service worker serves every page, a request made with no
 * signal waits in the phone's outbox through reloads, and goes to the server by itself, exactly
 * once, when the signal returns.
 */
import { foodForMyself, somethingElse } from '../support/resident/help-requests.ts';
import { expect, test } from '../fixtures.ts';
import { referencePattern } from '../pages/sent-page.ts';

test('a request made offline waits on the phone and is sent once when the signal returns', async ({
  cymorth,
  device,
  server,
}) => {
  const before = await server.requestCount();
  const start = cymorth.start('cy');
  await start.open();
  await device.serviceWorkerReady();

  await device.goOffline();
  await expect(start.offlineBanner).toBeVisible();
  // Every page from here on is a full page load, answered by the service worker.
  const sent = await cymorth.askForHelp(foodForMyself(), 'cy', { reloadEachPage: true });
  await expect(sent.waitingHeading).toBeVisible();
  await expect(sent.waitingText).toBeVisible();
  const id = sent.requestId();

  await sent.reload();
  await expect(sent.waitingHeading).toBeVisible();
  await expect(sent.offlineBanner).toBeVisible();
  expect(await device.storedRequest(id)).toMatchObject({ state: 'waiting' });

  await sent.myRequestsLink.click();
  const myRequests = cymorth.myRequests('cy');
  await expect(myRequests.waitingCount('one', 1)).toBeVisible();
  await expect(myRequests.field(myRequests.card('food'), 'requests.status_label')).toHaveText(
    myRequests.waitingState(),
  );
  expect(await server.requestCount()).toBe(before);

  await sent.open(id);
  await expect(sent.waitingHeading).toBeVisible();
  await device.goOnline();
  await expect(sent.sentHeading).toBeVisible();
  await expect(sent.reference).toHaveText(referencePattern);
  await expect(sent.offlineBanner).toBeHidden();

  const reference = (await sent.reference.innerText()).replaceAll(' ', '');
  const onPhone = await device.storedRequest(id);
  expect(onPhone).toMatchObject({ state: 'sent', reference });
  expect(await server.requestCount()).toBe(before + 1);
  expect(await server.storedRequest(id)).toMatchObject({ reference });

  // The same request again, as a retry after a lost answer would send it: the server already has
  // it, says so, and answers with the same reference instead of storing a second one.
  const again = await server.submit(onPhone?.submission);
  expect(again).toMatchObject({ code: 201, replayed: true, body: { id, reference } });
  expect(await server.requestCount()).toBe(before + 1);
});

test('"my requests" counts the waiting requests with Welsh plural forms', async ({
  cymorth,
  device,
  server,
}) => {
  const before = await server.requestCount();
  const myRequests = cymorth.myRequests('cy');
  await myRequests.open();
  await expect(myRequests.none).toBeVisible();
  await device.serviceWorkerReady();
  await device.goOffline();

  // Welsh counts mutate the noun: 1 cais, 2 gais, 3 chais (CLDR plural forms one, two, few).
  const expected = [
    { form: 'one', text: /^Mae 1 cais yn aros i gael ei anfon\.$/ },
    { form: 'two', text: /^Mae 2 gais yn aros / },
    { form: 'few', text: /^Mae 3 chais yn aros / },
  ] as const;
  for (const [i, { form, text }] of expected.entries()) {
    const sent = await cymorth.askForHelp(somethingElse({ name: `Resident ${'ABC'[i]}` }), 'cy');
    await expect(sent.waitingHeading).toBeVisible();
    await sent.myRequestsLink.click();
    const count = myRequests.waitingCount(form, i + 1);
    await expect(count).toHaveText(text);
    await expect(myRequests.cards).toHaveCount(i + 1);
  }

  await myRequests.languageSwitch.click();
  const inEnglish = cymorth.myRequests('en');
  await expect(inEnglish.waitingCount('other', 3)).toHaveText('3 requests are waiting to be sent.');

  await device.goOnline();
  await expect(inEnglish.cards.getByText(inEnglish.statusText('new'))).toHaveCount(3);
  await expect(inEnglish.page.getByText(/waiting to be sent/)).toHaveCount(0);
  await inEnglish.languageSwitch.click();
  await expect(myRequests.cards.getByText(myRequests.statusText('new'))).toHaveCount(3);
  await expect(myRequests.page.getByText(/yn aros i gael/)).toHaveCount(0);
  expect(await server.requestCount()).toBe(before + 3);
});

test('a send cut off just as the signal returns does not hold the request back', async ({
  cymorth,
  device,
  server,
}) => {
  const before = await server.requestCount();
  const myRequests = cymorth.myRequests('cy');
  await myRequests.open();
  await device.serviceWorkerReady();
  await device.goOffline();
  const sent = await cymorth.askForHelp(somethingElse(), 'cy');
  await expect(sent.waitingHeading).toBeVisible();
  const id = sent.requestId();
  await sent.myRequestsLink.click();
  // With no signal the resident keeps pressing "Try sending now". The phone knows it is offline,
  // so no send is tried and the wait before the next automatic try does not grow.
  for (let i = 0; i < 10; i++) await myRequests.sendNowButton.click();
  await expect.poll(() => device.outboxIdle()).toBe(true);
  expect((await device.storedRequest(id))?.attempts).toBe(0);

  // The signal comes back weakly: a send starts and hangs. The signal drops and returns properly
  // while that send is still hanging, and then the hanging send fails.
  const send = await device.holdNextSubmission();
  await device.goOnline();
  await send.arrived;
  await device.goOffline();
  await device.goOnline();
  await send.drop();

  // The phone is online with a working connection, and the app was told so: the request goes
  // now, not when its backoff runs out.
  const status = myRequests.field(myRequests.card('other'), 'requests.status_label');
  await expect(status).toHaveText(myRequests.statusText('new'), { timeout: 5_000 });
  expect(await server.requestCount()).toBe(before + 1);
});
