/**
 * Dates in Welsh, in the browser: Debian's Chromium has no Welsh date data and would silently print
 * English (docs/toolchain.md), so this is checked where residents read it, against today's date.
 */
import { dayInWales, longDate } from '../support/resident/calendar.ts';
import { expect, test } from '../fixtures.ts';
import { somethingElse } from '../support/resident/help-requests.ts';
import { t, type Lang } from '../support/resident/locales.ts';

const choices = [
  ['today', 0],
  ['tomorrow', 1],
  ['few_days', 3],
  ['week', 7],
] as const;

for (const lang of ['cy', 'en'] as const satisfies readonly Lang[]) {
  test(`"when is help needed by" gives each choice its date, in ${lang}`, async ({
    cymorth,
    page,
  }) => {
    const question = cymorth.question(lang);
    await question.open('needed-by');
    for (const [choice, days] of choices) {
      const radio = page.getByRole('radio', {
        name: t(lang, `request.needed_by.options.${choice}`),
      });
      await expect(radio).toHaveAccessibleDescription(longDate(dayInWales(days), lang));
    }
  });
}

test('check your answers and "my requests" show dates in Welsh', async ({ cymorth }) => {
  const request = somethingElse({ neededBy: 'tomorrow', language: 'cy' });
  const check = await cymorth.answerEverything(request, 'cy');
  const neededBy = check.answer(t('cy', 'request.needed_by.title'));
  await expect(neededBy).toHaveText(longDate(dayInWales(1), 'cy'));
  await expect(neededBy).toContainText(/^Dydd /);

  await check.sendButton.click();
  const sent = cymorth.sent('cy');
  await expect(sent.sentHeading).toBeVisible();
  await sent.myRequestsLink.click();
  const myRequests = cymorth.myRequests('cy');
  const card = myRequests.card('other');
  const today = longDate(dayInWales(0), 'cy');
  const at = new RegExp(`^${today} am \\d{2}:\\d{2}$`);
  await expect(myRequests.field(card, 'requests.date_label')).toHaveText(at);
  await expect(myRequests.field(card, 'requests.checked_label')).toHaveText(at);
});
