/** What every page under /cy and /en shares: skip link, header, banners, main, footer. */
import type { Locator, Page } from '@playwright/test';
import { hydrated } from '../support/hydration.ts';
import { t, type Lang } from '../support/resident/locales.ts';

export class Layout {
  readonly skipLink: Locator;
  readonly languageSwitch: Locator;
  readonly offlineBanner: Locator;
  readonly updateBanner: Locator;
  readonly updateButton: Locator;
  readonly main: Locator;
  readonly myRequestsLink: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.skipLink = page.getByRole('link', { name: t(lang, 'common.skip_link'), exact: true });
    this.languageSwitch = page
      .getByRole('banner')
      .getByRole('link', { name: t(lang, 'common.language.switch_label') });
    this.offlineBanner = page.getByText(t(lang, 'common.offline_banner'));
    this.updateBanner = page.getByText(t(lang, 'common.update.available'));
    this.updateButton = page.getByRole('button', { name: t(lang, 'common.update.button') });
    this.main = page.getByRole('main');
    this.myRequestsLink = page
      .getByRole('contentinfo')
      .getByRole('link', { name: t(lang, 'common.footer.my_requests') });
  }

  /** A full page load of `path`, ready for input. */
  async visit(path: string): Promise<void> {
    await this.page.goto(path);
    await hydrated(this.page);
  }

  /** Reloads the page (a full load, served by the service worker once it is installed). */
  async reload(): Promise<void> {
    await this.page.reload();
    await hydrated(this.page);
  }
}
