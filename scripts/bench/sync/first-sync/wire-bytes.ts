/**
 * Bytes on the wire as Chromium counts them (CDP `Network.loadingFinished.encodedDataLength`:
 * response headers and the body as transferred, compressed when it was), for the requests of one
 * page whose path starts with a prefix, plus what was sent (request bodies).
 */
import type { CDPSession, Page } from '@playwright/test';

export type WireTotals = { requests: number; receivedBytes: number; sentBytes: number };

export class WireCounter {
  readonly #urls = new Map<string, string>();
  readonly #prefix: string;
  totals: WireTotals = { requests: 0, receivedBytes: 0, sentBytes: 0 };
  /** ms since the epoch of the first counted request, as seen here. */
  firstRequestAt: number | null = null;

  private constructor(prefix: string) {
    this.#prefix = prefix;
  }

  static async attach(page: Page, pathPrefix: string): Promise<WireCounter> {
    const counter = new WireCounter(pathPrefix);
    const cdp: CDPSession = await page.context().newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!new URL(e.request.url).pathname.startsWith(counter.#prefix)) return;
      counter.firstRequestAt ??= Date.now();
      counter.#urls.set(e.requestId, e.request.url);
      counter.totals.sentBytes += e.request.postData?.length ?? 0;
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (!counter.#urls.delete(e.requestId)) return;
      counter.totals.requests += 1;
      counter.totals.receivedBytes += e.encodedDataLength;
    });
    await cdp.send('Network.enable', { maxPostDataSize: 64 * 1024 * 1024 });
    return counter;
  }

  /** Starts counting afresh (after an untimed step on the same page). */
  reset(): void {
    this.totals = { requests: 0, receivedBytes: 0, sentBytes: 0 };
    this.firstRequestAt = null;
  }
}
