/** `/cy/request/check`: every answer with a Change link, then "Send request". */
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from '../support/resident/locales.ts';
import { Layout } from './layout.ts';

export class CheckAnswersPage extends Layout {
  readonly heading: Locator;
  readonly sendButton: Locator;

  constructor(page: Page, lang: Lang) {
    super(page, lang);
    this.heading = page.getByRole('heading', { level: 1, name: t(lang, 'request.check.title') });
    this.sendButton = page.getByRole('button', { name: t(lang, 'request.check.send_button') });
  }

  async open(): Promise<void> {
    await this.visit(`/${this.lang}/request/check`);
  }

  /** The answer shown for the question titled `question`. */
  answer(question: string): Locator {
    return this.page
      .locator('.summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(question, { exact: true }) })
      .getByRole('definition')
      .first();
  }

  /** The questions, in the order they are listed. */
  get questions(): Locator {
    return this.page.getByRole('term');
  }

  /** Each line of the n-th answer (an address is several), by position in the list. */
  answerLines(n: number): Locator {
    return this.page
      .locator('.summary-list__row')
      .nth(n)
      .getByRole('definition')
      .first()
      .locator('.summary-list__line');
  }

  changeLink(question: string): Locator {
    return this.page.getByRole('link', { name: `${t(this.lang, 'common.change')} ${question}` });
  }
}
