/** `/cy/my-requests`: requests made on this phone, newest first, with their state or status. */
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from '../support/resident/locales.ts';
import type { Help } from '../support/resident/help-requests.ts';
import { Layout } from './layout.ts';

export class MyRequestsPage extends Layout {
  readonly heading: Locator;
  readonly cards: Locator;
  readonly none: Locator;
  readonly sendNowButton: Locator;

  constructor(page: Page, lang: Lang) {
    super(page, lang);
    this.heading = page.getByRole('heading', { level: 1, name: t(lang, 'requests.title') });
    this.cards = this.main.getByRole('listitem');
    this.none = page.getByText(t(lang, 'requests.none'));
    this.sendNowButton = page.getByRole('button', { name: t(lang, 'requests.send_now') });
  }

  async open(): Promise<void> {
    await this.visit(`/${this.lang}/my-requests`);
  }

  /** The line saying how many are waiting, with the plural form the test names. */
  waitingCount(form: 'zero' | 'one' | 'two' | 'few' | 'many' | 'other', count: number): Locator {
    return this.page.getByText(t(this.lang, `requests.waiting_count_${form}`, { count }), {
      exact: true,
    });
  }

  card(kind: Help['kind']): Locator {
    return this.cards.filter({
      has: this.page.getByRole('heading', { name: t(this.lang, `requests.kind.${kind}`) }),
    });
  }

  /** A card's value for a row such as `requests.status_label` or `requests.date_label`. */
  field(card: Locator, labelKey: string): Locator {
    return card
      .locator('.summary-list__row')
      .filter({
        has: this.page.getByRole('term').getByText(t(this.lang, labelKey), { exact: true }),
      })
      .getByRole('definition');
  }

  waitingState(): string {
    return t(this.lang, 'requests.state.waiting');
  }

  statusText(
    status: 'new' | 'triaged' | 'assigned' | 'in_progress' | 'done' | 'cancelled',
  ): string {
    return t(this.lang, `requests.status.${status}`);
  }
}
