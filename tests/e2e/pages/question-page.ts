/** `/cy/request/<step>`: one question, Continue, Back, and the error summary when answers are wrong. */
import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../support/resident/locales.ts';
import type { Answer, Question } from '../support/resident/questions.ts';
import { Layout } from './layout.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class QuestionPage extends Layout {
  readonly heading: Locator;
  readonly continueButton: Locator;
  readonly backLink: Locator;
  readonly errorSummary: Locator;

  constructor(page: Page, lang: Lang) {
    super(page, lang);
    this.heading = page.getByRole('heading', { level: 1 });
    this.continueButton = page.getByRole('button', { name: t(lang, 'common.continue') });
    // Not exact: the chevron drawn before the word is part of the link's accessible name.
    this.backLink = this.main.getByRole('link', { name: t(lang, 'common.back') });
    this.errorSummary = page
      .getByRole('alert')
      .filter({ hasText: t(lang, 'common.error_summary_title') });
  }

  async open(step: string, query = ''): Promise<void> {
    await this.visit(`/${this.lang}/request/${step}${query}`);
  }

  async expectAt(question: Pick<Question, 'step' | 'title'>): Promise<void> {
    await expect(this.page).toHaveURL(
      new RegExp(`/${this.lang}/request/${escape(question.step)}(\\?|$)`),
    );
    await expect(this.heading).toHaveText(question.title);
    await expect(this.page).toHaveTitle(`${question.title} – ${t(this.lang, 'common.app_name')}`);
  }

  control(answer: Answer): Locator {
    const role = answer.control === 'text' ? 'textbox' : answer.control;
    return this.page.getByRole(role, { name: answer.label, exact: true });
  }

  async give(answer: Answer): Promise<void> {
    if (answer.control === 'text') await this.control(answer).fill(answer.value);
    else await this.control(answer).check();
  }

  async answer(question: Question): Promise<void> {
    await this.expectAt(question);
    for (const answer of question.answers) await this.give(answer);
    await this.continueButton.click();
  }

  errorLink(message: string): Locator {
    return this.errorSummary.getByRole('link', { name: message, exact: true });
  }

  /** The page after a Continue that found problems: title prefix, summary, message by the field. */
  async expectErrors(
    question: Pick<Question, 'step' | 'title'>,
    messages: string[],
  ): Promise<void> {
    const appName = t(this.lang, 'common.app_name');
    await expect(this.page).toHaveTitle(
      `${t(this.lang, 'common.error_title_prefix')} ${question.title} – ${appName}`,
    );
    await expect(this.errorSummary).toBeVisible();
    await expect(this.errorSummary.getByRole('link')).toHaveText(messages);
    for (const message of messages) {
      await expect(this.main.locator('form').getByText(message, { exact: true })).toBeVisible();
    }
  }
}
