/**
 * Welsh and English are equal: either can be chosen at any moment, the switch keeps the page and
 * what has been answered, `<html lang>` follows, and the choice is remembered on the phone.
 */
import { expect, test } from '../fixtures.ts';
import { foodForMyself } from '../support/resident/help-requests.ts';
import { questionsFor } from '../support/resident/questions.ts';
import { referencePattern } from '../pages/sent-page.ts';

test('switching language on a question page keeps the page and the answers', async ({
  cymorth,
  page,
}) => {
  const request = foodForMyself();
  const [who, kind, household] = questionsFor(request, 'cy');
  const [, kindInEnglish, householdInEnglish] = questionsFor(request, 'en');
  const welsh = cymorth.question('cy');
  await welsh.open('who');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await welsh.answer(who!);
  await welsh.answer(kind!);
  await welsh.expectAt(household!);
  const size = household!.answers[0]!;
  await welsh.give(size);

  await welsh.languageSwitch.click();
  const english = cymorth.question('en');
  await english.expectAt(householdInEnglish!);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(english.control(householdInEnglish!.answers[0]!)).toHaveValue(
    size.control === 'text' ? size.value : '',
  );

  await english.backLink.click();
  await english.expectAt(kindInEnglish!);
  await expect(english.control(kindInEnglish!.answers[0]!)).toBeChecked();

  await english.languageSwitch.click();
  await welsh.expectAt(kind!);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(welsh.control(kind!.answers[0]!)).toBeChecked();
});

test('switching language while changing an answer still leads back to check your answers', async ({
  cymorth,
}) => {
  const request = foodForMyself();
  const check = await cymorth.answerEverything(request, 'cy');
  const nameQuestion = questionsFor(request, 'cy').find((q) => q.step === 'name')!;
  await check.changeLink(nameQuestion.title).click();
  const welsh = cymorth.question('cy');
  await welsh.expectAt(nameQuestion);

  await welsh.languageSwitch.click();
  const english = cymorth.question('en');
  const nameInEnglish = questionsFor(request, 'en').find((q) => q.step === 'name')!;
  await english.expectAt(nameInEnglish);
  await expect(english.page).toHaveURL(/\?from=check$/);
  const field = english.control(nameInEnglish.answers[0]!);
  await expect(field).toHaveValue(request.name);

  await field.fill('Siân Prydderch-Owen');
  await english.continueButton.click();
  const checkInEnglish = cymorth.check('en');
  await expect(checkInEnglish.heading).toBeVisible();
  await expect(checkInEnglish.answer(nameInEnglish.title)).toHaveText('Siân Prydderch-Owen');
});

test('the language chosen is remembered on the phone', async ({ cymorth, page }) => {
  const choice = cymorth.languageChoice;
  await choice.visit();
  await choice.link('en').click();
  const englishStart = cymorth.start('en');
  await expect(englishStart.heading).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await choice.visit();
  await expect(page).toHaveURL(/\/en$/);
  await expect(englishStart.heading).toBeVisible();

  await englishStart.languageSwitch.click();
  const welshStart = cymorth.start('cy');
  await expect(welshStart.heading).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');

  await choice.visit();
  await expect(page).toHaveURL(/\/cy$/);
  await expect(welshStart.heading).toBeVisible();
});

test('the "sent" page in the other language shows the same request', async ({ cymorth, page }) => {
  const sent = await cymorth.askForHelp(foodForMyself(), 'cy');
  await expect(sent.reference).toHaveText(referencePattern);
  const reference = await sent.reference.innerText();
  const id = sent.requestId();

  await sent.languageSwitch.click();
  const inEnglish = cymorth.sent('en');
  await expect(page).toHaveURL(new RegExp(`/en/request/sent\\?id=${id}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(inEnglish.sentHeading).toBeVisible();
  await expect(inEnglish.reference).toHaveText(reference);
});
