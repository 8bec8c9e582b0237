/**
 * Figure b (in the browser): what the service worker actually downloads on a first visit. A fresh
 * context opens `/cy`; the app registers `/sw.js` itself on load; once `navigator.serviceWorker.ready`
 * resolves (install, and so precaching, is done) and the worker's requests are quiet, every
 * request the worker made is summed. Immutable files the page had just fetched may come from the
 * HTTP cache (Workbox precaches unrevisioned URLs with the default cache mode): they count in
 * "received" but not in "over the network".
 */
import type { Browser, Request } from '@playwright/test';
import {
  recordDownload,
  totals,
  type DownloadedFile,
  type DownloadTotals,
} from '../common/downloads/downloaded-file.ts';
import { InFlightRequests } from '../common/downloads/network-quiet.ts';

export type ServiceWorkerDownloads = DownloadTotals & {
  scriptUrl: string;
  /** Files the worker got from the HTTP cache (nothing transferred). */
  fromHttpCache: number;
};

const readyTimeoutMs = 30_000;

export async function measureServiceWorkerDownloads(
  browser: Browser,
  origin: string,
  pagePath: string,
): Promise<ServiceWorkerDownloads> {
  const context = await browser.newContext();
  try {
    const recorded: Promise<DownloadedFile | null>[] = [];
    const fromWorker = (request: Request) => request.serviceWorker() !== null;
    const inFlight = new InFlightRequests(fromWorker);
    context.on('request', inFlight.started);
    context.on('requestfailed', inFlight.ended);
    context.on('requestfinished', (request: Request) => {
      if (fromWorker(request)) recorded.push(recordDownload(request));
      inFlight.ended(request);
    });

    const page = await context.newPage();
    await page.goto(origin + pagePath, { waitUntil: 'load' });
    const scriptUrl = await page.evaluate(async (timeoutMs) => {
      if (!('serviceWorker' in navigator)) throw new Error('no service worker support');
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('navigator.serviceWorker.ready timed out')), timeoutMs),
      );
      const registration = await Promise.race([navigator.serviceWorker.ready, timeout]);
      return registration.active?.scriptURL ?? '';
    }, readyTimeoutMs);
    await inFlight.quiet();

    const files = (await Promise.all(recorded)).filter((f): f is DownloadedFile => f !== null);
    return {
      ...totals(files),
      scriptUrl: scriptUrl.replace(origin, ''),
      fromHttpCache: files.filter((f) => f.fromHttpCache).length,
    };
  } finally {
    await context.close();
  }
}
