/**
 * The whole journey with the keyboard alone, in Welsh: language choice, the skip link, every
 * question, the error summary's links taking focus to the field in error, and sending.
 */
import { expect, test } from '../fixtures.ts';
import { supportWhileIsolating } from '../support/resident/help-requests.ts';
import { hydrated } from '../support/hydration.ts';
import { KeyboardUser } from '../support/keyboard-user.ts';
import { t } from '../support/resident/locales.ts';
import { questionsFor } from '../support/resident/questions.ts';
import { referencePattern } from '../pages/sent-page.ts';

test('a resident asks for help using only the keyboard', async ({ cymorth, page }) => {
  const keyboard = new KeyboardUser(page);
  const lang = 'cy';
  const request = supportWhileIsolating();

  await cymorth.languageChoice.visit();
  await keyboard.press(cymorth.languageChoice.link(lang), 'Enter');
  const start = cymorth.start(lang);
  await expect(start.heading).toBeVisible();
  await hydrated(page);

  // The skip link comes first, shows itself when focused, and takes focus past the header.
  await page.keyboard.press('Tab');
  expect(await keyboard.isFocused(start.skipLink)).toBe(true);
  await expect(start.skipLink).toBeInViewport();
  await page.keyboard.press('Enter');
  expect(await keyboard.isFocused(start.main)).toBe(true);
  await page.keyboard.press('Tab');
  expect(await keyboard.isFocused(start.startButton)).toBe(true);
  await page.keyboard.press('Enter');

  const question = cymorth.question(lang);
  const questions = questionsFor(request, lang);
  // Pages where Continue is first pressed with nothing answered, and which error link to follow.
  const fieldError = (field: string) => t(lang, `errors.fields.${field}.required`);
  const withErrors = new Map([
    ['who', { messages: [fieldError('for_someone_else')], follow: 0 }],
    ['support-tasks', { messages: [fieldError('support_tasks')], follow: 0 }],
    ['phone', { messages: [fieldError('phone')], follow: 0 }],
    [
      'address',
      {
        messages: [fieldError('address_line1'), fieldError('town'), fieldError('postcode')],
        follow: 2,
      },
    ],
  ]);
  for (const q of questions) {
    await question.expectAt(q);
    const errors = withErrors.get(q.step);
    if (errors) {
      // Continue with nothing answered: the summary takes focus, its link takes focus to the field.
      await keyboard.press(question.continueButton, 'Enter');
      await question.expectErrors(q, errors.messages);
      expect(await keyboard.isFocused(question.errorSummary)).toBe(true);
      const link = question.errorLink(errors.messages[errors.follow]!);
      await keyboard.tabTo(link);
      const target = await link.getAttribute('href');
      expect(target).toMatch(/^#f-/);
      await page.keyboard.press('Enter');
      await expect(page.locator(`input${target}, textarea${target}`)).toBeFocused();
    }
    for (const answer of q.answers) await keyboard.give(answer, question.control(answer));
    if (q.step === 'support-tasks') {
      // The revealed question sits straight after the box that revealed it, in focus order too.
      await page.keyboard.press('Shift+Tab');
      const other = t(lang, 'request.support_tasks.options.other');
      await expect(page.getByRole('checkbox', { name: other, exact: true })).toBeFocused();
    }
    await keyboard.press(question.continueButton, 'Enter');
  }

  const check = cymorth.check(lang);
  await expect(check.heading).toBeVisible();
  await keyboard.press(check.sendButton, 'Enter');
  const sent = cymorth.sent(lang);
  await expect(sent.sentHeading).toBeVisible();
  await expect(sent.reference).toHaveText(referencePattern);
});

test('the start button, announced as a button, also works with Space', async ({
  cymorth,
  page,
}) => {
  const keyboard = new KeyboardUser(page);
  const start = cymorth.start('cy');
  await start.open();
  // A link with role="button" is read out as a button, and buttons are pressed with Space
  // (WAI-ARIA APG button pattern; GOV.UK Frontend's start button handles Space for this reason).
  await expect(start.startButton).toHaveAttribute('href', '/cy/request/who');
  await keyboard.press(start.startButton, 'Space');
  await cymorth.question('cy').expectAt({
    step: 'who',
    title: t('cy', 'request.who.title'),
  });
});
