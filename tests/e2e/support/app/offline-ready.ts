/**
 * Knowing when a page would survive going offline: the service worker controls it and holds
 * every script the page has run (precached, or kept since: src/lib/pwa/code-cache.ts). On a first
 * visit that takes a moment after the worker installs, and no longer needs a reload online.
 */
import { expect, type Page } from '@playwright/test';

export async function offlineReady(page: Page): Promise<void> {
  // The worker precaches the whole app (about 1.7 MB) before it takes control: on a busy
  // machine that can take longer than an expectation's usual ten seconds.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return 'not controlled yet';
          const scripts = performance
            .getEntriesByType('resource')
            .map((entry) => new URL(entry.name))
            .filter(
              (u) => u.origin === location.origin && /^\/_app\/immutable\/.+\.js$/.test(u.pathname),
            );
          let missing = 0;
          for (const url of scripts) if (!(await caches.match(url.href))) missing++;
          return missing === 0 ? 'ready' : `${missing} of ${scripts.length} scripts not kept`;
        }),
      { timeout: 30_000 },
    )
    .toBe('ready');
}
