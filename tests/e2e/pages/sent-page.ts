/** `/cy/request/sent?id=…`: "saved on this phone" until the request is sent, then its reference. */
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from '../support/resident/locales.ts';
import { Layout } from './layout.ts';

/** Nine digits in threes, as residents read them out: `319 675 943`. */
export const referencePattern = /^\d{3} \d{3} \d{3}$/;

export class SentPage extends Layout {
  readonly sentHeading: Locator;
  readonly waitingHeading: Locator;
  readonly waitingText: Locator;
  readonly reference: Locator;
  readonly myRequestsLink: Locator;
  readonly anotherRequestLink: Locator;

  constructor(page: Page, lang: Lang) {
    super(page, lang);
    const h1 = (key: string) =>
      page.getByRole('heading', { level: 1, name: t(lang, key), exact: true });
    this.sentHeading = h1('request.sent.title_sent');
    this.waitingHeading = h1('request.sent.title_waiting');
    this.waitingText = page.getByText(t(lang, 'request.sent.waiting_text'));
    this.reference = this.main.getByText(referencePattern);
    this.myRequestsLink = page.getByRole('link', {
      name: t(lang, 'request.sent.my_requests_link'),
    });
    this.anotherRequestLink = page.getByRole('link', {
      name: t(lang, 'request.sent.another_link'),
    });
  }

  /** The request's id on this phone, from the address. */
  requestId(): string {
    const id = new URL(this.page.url()).searchParams.get('id');
    if (!id) throw new Error(`No request id in ${this.page.url()}`);
    return id;
  }

  async open(id: string): Promise<void> {
    await this.visit(`/${this.lang}/request/sent?id=${id}`);
  }
}
