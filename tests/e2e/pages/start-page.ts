/** `/cy`, `/en`: what the service is, and "Start now". */
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from '../support/resident/locales.ts';
import { Layout } from './layout.ts';

export class StartPage extends Layout {
  readonly heading: Locator;
  readonly startButton: Locator;

  constructor(page: Page, lang: Lang) {
    super(page, lang);
    this.heading = page.getByRole('heading', { level: 1, name: t(lang, 'start.title') });
    // A link styled and announced as a button (GOV.UK start button).
    this.startButton = page.getByRole('button', { name: t(lang, 'start.start_button') });
  }

  async open(): Promise<void> {
    await this.visit(`/${this.lang}`);
  }
}
