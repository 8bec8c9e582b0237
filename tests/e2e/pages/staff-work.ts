/**
 * A member of staff at work on their own device: signing in, the request list and a request's page,
 * in the page's language. Every locator goes by what a person reads (labels, headings, buttons).
 */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { hydrated, watchHydration } from '../support/hydration.ts';
import { t, type Lang } from '../support/resident/locales.ts';

export class StaffWork {
  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {}

  static async open(context: BrowserContext, lang: Lang): Promise<StaffWork> {
    const page = await context.newPage();
    await watchHydration(page);
    return new StaffWork(page, lang);
  }

  text(key: string, vars?: Record<string, string | number>): string {
    return t(this.lang, key, vars);
  }

  /** Signs in and waits until the first sync has brought everything down. */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.goto(`/${this.lang}/staff/sign-in`);
    await hydrated(this.page);
    await this.page.getByLabel(this.text('staff.sign_in.username')).fill(username);
    await this.page.getByLabel(this.text('staff.sign_in.password')).fill(password);
    await this.page.getByRole('button', { name: this.text('staff.sign_in.button') }).click();
    await expect(this.page).toHaveURL(new RegExp(`/${this.lang}/staff$`));
    await expect(this.page.locator('.sync-panel')).toContainText(
      this.text('staff.sync.everything_on_server'),
      { timeout: 30_000 },
    );
  }

  /** From the staff home, by its link, as a person would. */
  async openList(linkKey: 'staff.home.requests_link' | 'staff.home.tasks_link'): Promise<void> {
    await this.page.getByRole('link', { name: this.text(linkKey) }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(this.page.getByText(this.text('work.list.loading'))).toHaveCount(0);
  }

  /** A request's card in a volunteer's lists, or its row in a coordinator's queue. */
  card(requestId: string): Locator {
    return this.page.locator(`.request-card[data-id="${requestId}"], tr[data-id="${requestId}"]`);
  }

  async openRequest(requestId: string): Promise<void> {
    await this.card(requestId).getByRole('link').click();
    await expect(this.page).toHaveURL(new RegExp(requestId.replace('request:', '') + '$'));
    await expect(this.facts).toBeVisible();
  }

  /** Straight to a request's page by its address (the SPA fallback serves it). */
  async gotoRequest(requestId: string): Promise<void> {
    await this.page.goto(`/${this.lang}/staff/requests/${requestId.replace('request:', '')}`);
    await hydrated(this.page);
    await expect(this.facts).toBeVisible();
  }

  get facts(): Locator {
    return this.page.getByTestId('request-facts');
  }
  fact(field: 'status' | 'urgency' | 'volunteer'): Locator {
    return this.facts.locator(`[data-field="${field}"]`);
  }
  get notes(): Locator {
    return this.page.getByTestId('notes');
  }
  get refusals(): Locator {
    return this.page.getByTestId('refusals');
  }
  get saved(): Locator {
    return this.page.getByText(this.text('work.request.saved'));
  }

  async setStatus(status: string): Promise<void> {
    const group = this.page.getByRole('group', { name: this.text('work.actions.status_legend') });
    await group.getByLabel(this.text(`work.status.${status}`), { exact: true }).check();
    await this.page.getByRole('button', { name: this.text('work.actions.status_button') }).click();
    await expect(this.fact('status')).toHaveText(this.text(`work.status.${status}`));
  }

  async setUrgency(urgency: string): Promise<void> {
    const group = this.page.getByRole('group', { name: this.text('work.actions.urgency_legend') });
    await group.getByLabel(this.text(`work.urgency.${urgency}`), { exact: true }).check();
    await this.page.getByRole('button', { name: this.text('work.actions.urgency_button') }).click();
    await expect(this.fact('urgency')).toHaveText(this.text(`work.urgency.${urgency}`));
  }

  async claim(): Promise<void> {
    await this.page.getByRole('button', { name: this.text('work.actions.claim_button') }).click();
    await expect(this.saved).toBeVisible();
  }

  get acceptButton(): Locator {
    return this.page.getByRole('button', { name: this.text('tasks.accept_button') });
  }

  /** Accepts the task given them, saved on the device at once. */
  async accept(): Promise<void> {
    await this.acceptButton.click();
    await expect(this.acceptButton).toHaveCount(0);
    await expect(this.saved).toBeVisible();
  }

  /** "On my way": the task is in progress. */
  async onMyWay(): Promise<void> {
    await this.page.getByRole('button', { name: this.text('tasks.on_my_way_button') }).click();
    await expect(this.fact('status')).toHaveText(this.text('work.status.in_progress'));
  }

  /** Done, with how it went and, for the outcomes that take them, its words. */
  async finish(outcome: string, words?: string): Promise<void> {
    const group = this.page.getByRole('group', { name: this.text('tasks.finish_legend') });
    await group.getByLabel(this.text(`tasks.outcome.${outcome}`), { exact: true }).check();
    if (words !== undefined) {
      const field =
        outcome === 'referred' ? 'tasks.outcome_where_label' : 'tasks.outcome_reason_label';
      await this.page.getByLabel(this.text(field)).fill(words);
    }
    await this.page.getByRole('button', { name: this.text('tasks.finish_button') }).click();
  }

  /** Hands the task back (declines it), giving `reason`; empty to see the error. */
  async decline(reason: string, buttonKey = 'tasks.decline_button_waiting'): Promise<void> {
    await this.page.getByLabel(this.text('tasks.decline_label')).fill(reason);
    await this.page.getByRole('button', { name: this.text(buttonKey) }).click();
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByLabel(this.text('work.notes.label')).fill(text);
    await this.page.getByRole('button', { name: this.text('work.notes.button') }).click();
    await expect(this.notes).toContainText(text);
  }
}
