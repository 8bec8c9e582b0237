/**
 * The app as a resident uses it: page objects for a language, and the whole journey of asking for
 * help from the start page to "sent".
 */
import { expect, type Page } from '@playwright/test';
import type { HelpRequest } from '../support/resident/help-requests.ts';
import type { Lang } from '../support/resident/locales.ts';
import { questionsFor } from '../support/resident/questions.ts';
import { CheckAnswersPage } from './check-answers-page.ts';
import { LanguageChoicePage } from './language-choice-page.ts';
import { Layout } from './layout.ts';
import { MyRequestsPage } from './my-requests-page.ts';
import { QuestionPage } from './question-page.ts';
import { SentPage } from './sent-page.ts';
import { StartPage } from './start-page.ts';

export type JourneyOptions = {
  /** Reload every question page before answering it: each is then a full page load. */
  reloadEachPage?: boolean;
};

export class Cymorth {
  readonly languageChoice: LanguageChoicePage;

  constructor(readonly page: Page) {
    this.languageChoice = new LanguageChoicePage(page);
  }

  layout = (lang: Lang) => new Layout(this.page, lang);
  start = (lang: Lang) => new StartPage(this.page, lang);
  question = (lang: Lang) => new QuestionPage(this.page, lang);
  check = (lang: Lang) => new CheckAnswersPage(this.page, lang);
  sent = (lang: Lang) => new SentPage(this.page, lang);
  myRequests = (lang: Lang) => new MyRequestsPage(this.page, lang);

  /** From the start page through every question to "check your answers". */
  async answerEverything(
    request: HelpRequest,
    lang: Lang,
    options: JourneyOptions = {},
  ): Promise<CheckAnswersPage> {
    const start = this.start(lang);
    await start.open();
    await start.startButton.click();
    const question = this.question(lang);
    for (const q of questionsFor(request, lang)) {
      if (options.reloadEachPage) {
        await question.expectAt(q);
        await question.reload();
      }
      await question.answer(q);
    }
    const check = this.check(lang);
    await expect(check.heading).toBeVisible();
    return check;
  }

  /** The whole journey, ending on the "sent" page (sent or waiting, as the network allows). */
  async askForHelp(
    request: HelpRequest,
    lang: Lang,
    options: JourneyOptions = {},
  ): Promise<SentPage> {
    const check = await this.answerEverything(request, lang, options);
    if (options.reloadEachPage) await check.reload();
    await check.sendButton.click();
    const sent = this.sent(lang);
    await expect(this.page).toHaveURL(new RegExp(`/${lang}/request/sent\\?id=[0-9a-f-]{36}$`));
    return sent;
  }
}
