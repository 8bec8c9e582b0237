/**
 * The whole journey with the keyboard alone, in Welsh: language choice, the skip link, every
 * question, the error summary's links taking focus to the field in error, and sending.
 */
import { expect, test } from './support/fixtures.ts';
import { supportWhileIsolating } from './support/help-requests.ts';
import { hydrated } from './support/hydration.ts';
import { KeyboardUser } from './support/keyboard-user.ts';
import { t } from './support/locales.ts';
import { questionsFor } from './support/questions.ts';
import { referencePattern } from './pages/sent-page.ts';

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
  const withErrors = new Map([
    ['who', t(lang, 'errors.fields.for_someone_else.required')],
    ['support-tasks', t(lang, 'errors.fields.support_tasks.required')],
    ['phone', t(lang, 'errors.fields.phone.required')],
  ]);
  for (const q of questions) {
    await question.expectAt(q);
    const message = withErrors.get(q.step);
    if (message) {
      // Continue with nothing answered: the summary takes focus, its link takes focus to the field.
      await keyboard.press(question.continueButton, 'Enter');
      await question.expectErrors(q, [message]);
      expect(await keyboard.isFocused(question.errorSummary)).toBe(true);
      await page.keyboard.press('Tab');
      const link = question.errorLink(message);
      expect(await keyboard.isFocused(link)).toBe(true);
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
