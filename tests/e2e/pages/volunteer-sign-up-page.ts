/** `/<lang>/staff/sign-up/…`: the volunteer's sign-up, one question per page. */
import { expect, type Locator, type Page } from '@playwright/test';
import { hydrated } from '../support/hydration.ts';
import { t, type Lang } from '../support/resident/locales.ts';

export type VolunteerAnswers = {
  name: string;
  phone: string;
  /** The area's name as the form shows it in this language. */
  areaName: string;
  skills: Array<'driver' | 'dbs_checked' | 'welsh_speaker'>;
  /** `common.days` numbers: 1 is Monday. */
  days: number[];
  partsOfDay: Array<'morning' | 'afternoon' | 'evening'>;
  note?: string;
  username: string;
  password: string;
};

export class VolunteerSignUpPage {
  readonly continueButton: Locator;
  readonly errorSummary: Locator;
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.continueButton = page.getByRole('button', { name: t(lang, 'common.continue') });
    this.errorSummary = page
      .getByRole('alert')
      .filter({ hasText: t(lang, 'common.error_summary_title') });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** From the staff sign-in page, by its link, to the first question. */
  async startFromSignIn(): Promise<void> {
    await this.page.goto(`/${this.lang}/staff/sign-in`);
    await hydrated(this.page);
    await this.page.getByRole('link', { name: t(this.lang, 'signup.sign_in_link') }).click();
    await expect(this.heading).toHaveText(t(this.lang, 'signup.start.title'));
    await this.page.getByRole('button', { name: t(this.lang, 'signup.start.button') }).click();
    await this.expectAt('name');
  }

  async expectAt(step: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/${this.lang}/staff/sign-up/${step}(\\?|$)`));
  }

  private field(key: string): Locator {
    return this.page.getByLabel(t(this.lang, key), { exact: true });
  }

  private tick(label: string): Promise<void> {
    return this.page.getByRole('checkbox', { name: label, exact: true }).check();
  }

  async answerName(name: string): Promise<void> {
    await this.field('signup.name.title').fill(name);
    await this.continueButton.click();
    await this.expectAt('phone');
  }

  async answerAll(answers: VolunteerAnswers, onPage?: (step: string) => Promise<void>) {
    const lang = this.lang;
    await onPage?.('name');
    await this.answerName(answers.name);
    await onPage?.('phone');
    await this.field('signup.phone.title').fill(answers.phone);
    await this.continueButton.click();
    await this.expectAt('areas');
    await this.tick(answers.areaName);
    await onPage?.('areas');
    await this.continueButton.click();
    await this.expectAt('skills');
    for (const skill of answers.skills) await this.tick(t(lang, `signup.skills.options.${skill}`));
    await onPage?.('skills');
    await this.continueButton.click();
    await this.expectAt('availability');
    for (const day of answers.days) await this.tick(t(lang, `common.days.${day}`));
    for (const part of answers.partsOfDay) {
      await this.tick(t(lang, `signup.availability.options.${part}`));
    }
    if (answers.note) {
      await this.page
        .getByLabel(`${t(lang, 'signup.availability.note')} ${t(lang, 'common.optional')}`)
        .fill(answers.note);
    }
    await onPage?.('availability');
    await this.continueButton.click();
    await this.expectAt('account');
    await this.field('signup.account.username').fill(answers.username);
    await this.field('signup.account.password').fill(answers.password);
    await onPage?.('account');
    await this.continueButton.click();
    await this.expectAt('check');
  }

  get sendButton(): Locator {
    return this.page.getByRole('button', { name: t(this.lang, 'signup.check.button') });
  }
}
