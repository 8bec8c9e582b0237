/**
 * Knowing when a prerendered page has come to life. Cymorth's pages arrive as static HTML and
 * SvelteKit hydrates them a moment later; a click before that reaches plain HTML (a radio is ticked
 * but the answer is not saved, Continue submits the form to the server). The language layout writes
 * the page's language to localStorage in an effect, which Svelte runs only once the page is
 * hydrated, so that write is the signal. Recorded per document by an init script.
 */
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    cymorthE2eHydrated?: boolean;
  }
}

function recordHydration(languageKey: string): void {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    setItem.call(this, key, value);
    if (key === languageKey) window.cymorthE2eHydrated = true;
  };
}

export async function watchHydration(page: Page): Promise<void> {
  await page.addInitScript(recordHydration, 'cymorth.lang');
}

/** Resolves once the current document is hydrated (pages under /cy and /en). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => window.cymorthE2eHydrated === true);
}
