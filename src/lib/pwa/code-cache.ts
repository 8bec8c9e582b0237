/**
 * The code a page ran before the service worker controlled it, kept for offline use once it
 * does. On a first visit the page fetches its code straight from the network, since no worker
 * exists yet; the staff code is not precached (vite.config.ts), so until now it was kept only
 * when a later load, under the worker, fetched it again, and going offline right after a first
 * visit failed. The worker now takes control of the page as soon as it is active (`clientsClaim`;
 * it changes no code under the page: a first worker holds the very version the page runs), and
 * the page then asks again, through it, for each script it has loaded: the worker's code route
 * keeps what the precache left out, and the browser's HTTP cache answers, so the network is not
 * asked twice for the same bytes.
 */

const isAppCode = (url: URL) =>
  url.origin === location.origin && /^\/_app\/immutable\/.+\.js$/.test(url.pathname);

/** The app's scripts this page has loaded so far. */
export function loadedCode(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter(isAppCode)
    .map((url) => url.href);
}

/** Call once, as the page starts: it waits for the worker to take control, then asks. */
export function keepLoadedCode(): void {
  if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
  // Every script, API call and tile is an entry; the default buffer of 250 can fill on a busy
  // staff page before the worker takes control.
  performance.setResourceTimingBufferSize(2000);
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => {
      void (async () => {
        for (const url of loadedCode()) {
          await fetch(url).catch(() => undefined);
        }
      })();
    },
    { once: true },
  );
}
