/** `/`: Welsh and English side by side; the choice is remembered on this device. */
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from '../support/resident/locales.ts';

export class LanguageChoicePage {
  constructor(readonly page: Page) {}

  link(lang: Lang): Locator {
    return this.page.getByRole('link', { name: t(lang, `common.language.${lang}`), exact: true });
  }

  async visit(): Promise<void> {
    await this.page.goto('/');
  }
}
