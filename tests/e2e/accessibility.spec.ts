/**
 * Every page in both languages, in each state a resident can meet it, scanned with axe: the
 * language choice, the start page, each question (as first shown, with its errors, and with its
 * conditional question revealed), check your answers, "sent" while waiting and once sent, and
 * "my requests" empty and with requests in it.
 */
import { expectNoAxeViolations } from './support/axe.ts';
import { expectKeepingLine } from './support/device-storage.ts';
import { expect, test } from './fixtures.ts';
import { foodForMyself, prescriptionForSomeoneElse } from './support/resident/help-requests.ts';
import { languages, t, type Lang } from './support/resident/locales.ts';
import { allQuestionSteps } from './support/resident/questions.ts';
import type { QuestionPage } from './pages/question-page.ts';

test('the language choice page', async ({ cymorth, page }) => {
  await cymorth.languageChoice.visit();
  await expect(cymorth.languageChoice.link('cy')).toBeVisible();
  await expectNoAxeViolations(page, 'the language choice page');
});

/** Makes the page show its errors. Optional answers are wrong only when too long. */
async function showErrors(question: QuestionPage, step: string, lang: Lang): Promise<void> {
  if (step === 'diet' || step === 'access-needs') {
    await question.page.getByRole('textbox').fill('a'.repeat(501));
  }
  if (step === 'circumstances') {
    await question.page
      .getByRole('checkbox', { name: t(lang, 'request.circumstances.medicine_running_out') })
      .check();
  }
  await question.continueButton.click();
  await expect(question.errorSummary).toBeVisible();
}

for (const lang of languages) {
  test.describe(`in ${lang === 'cy' ? 'Welsh' : 'English'}`, () => {
    test('the start page and "my requests" with none yet', async ({ cymorth, page }) => {
      const start = cymorth.start(lang);
      await start.open();
      await expect(start.heading).toBeVisible();
      await expectNoAxeViolations(page, 'the start page');

      const myRequests = cymorth.myRequests(lang);
      await myRequests.open();
      await expect(myRequests.none).toBeVisible();
      await expectNoAxeViolations(page, 'my requests, empty');
    });

    test('every question page, as first shown and with its errors', async ({ cymorth, page }) => {
      // Two axe scans of each of some twenty pages: about 50 s on two idle cores, so the default
      // minute left no room for a busy CI machine.
      test.setTimeout(150_000);
      const question = cymorth.question(lang);
      for (const step of allQuestionSteps) {
        await test.step(step, async () => {
          await question.open(step);
          await expect(question.heading).toBeVisible();
          await expectNoAxeViolations(page, `${step}, as first shown`, { soft: true });

          await showErrors(question, step, lang);
          await expectNoAxeViolations(page, `${step}, with errors`, { soft: true });

          if (step === 'support-tasks') {
            await page
              .getByRole('checkbox', { name: t(lang, 'request.support_tasks.options.other') })
              .check();
            await expectNoAxeViolations(page, `${step}, "something else" revealed`, { soft: true });
          }
        });
      }
    });

    test('check your answers, then "sent" and "my requests" while waiting and once sent', async ({
      cymorth,
      device,
      page,
    }) => {
      const request = lang === 'cy' ? foodForMyself() : prescriptionForSomeoneElse();
      const check = await cymorth.answerEverything(request, lang);
      await expect(check.sendButton).toBeEnabled();
      await expectNoAxeViolations(page, 'check your answers');

      await device.serviceWorkerReady();
      await device.goOffline();
      await check.sendButton.click();
      const sent = cymorth.sent(lang);
      await expect(sent.waitingHeading).toBeVisible();
      await expect(sent.offlineBanner).toBeVisible();
      await expectNoAxeViolations(page, 'sent, waiting, offline');

      await sent.myRequestsLink.click();
      const myRequests = cymorth.myRequests(lang);
      await expect(myRequests.cards).toHaveCount(1);
      // Sending asked the browser to keep the phone's data; the page says what it answered.
      await expectKeepingLine(page, lang, 'requests');
      await expectNoAxeViolations(page, 'my requests, one waiting');

      await page.goBack();
      await device.goOnline();
      await expect(sent.sentHeading).toBeVisible();
      await expectNoAxeViolations(page, 'sent, with its reference');

      await sent.myRequestsLink.click();
      await expect(myRequests.cards.getByText(myRequests.statusText('new'))).toBeVisible();
      await expectNoAxeViolations(page, 'my requests, one sent');
    });
  });
}
