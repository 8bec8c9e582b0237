/**
 * Every response one page received, recorded once per address as it finished (downloaded-file.ts),
 * with a wait for the network to go quiet that also holds after client-side navigation
 * (network-quiet.ts). What a first load measures is what was actually fetched, not the build.
 */
import type { Page, Request } from '@playwright/test';
import { recordDownload, type DownloadedFile } from './downloaded-file.ts';
import { InFlightRequests } from './network-quiet.ts';

export class PageDownloads {
  readonly #recorded = new Map<string, Promise<DownloadedFile | null>>();
  readonly #inFlight: InFlightRequests;

  private constructor(waitFor: (request: Request) => boolean) {
    this.#inFlight = new InFlightRequests(waitFor);
  }

  /** `waitFor`: the requests `quiet` waits for (a live feed's long poll never ends). */
  static attach(page: Page, waitFor: (request: Request) => boolean = () => true): PageDownloads {
    const downloads = new PageDownloads(waitFor);
    const inFlight = downloads.#inFlight;
    page.on('request', inFlight.started);
    page.on('requestfailed', inFlight.ended);
    page.on('requestfinished', (request: Request) => {
      const recorded = downloads.#recorded;
      if (!recorded.has(request.url())) recorded.set(request.url(), recordDownload(request));
      inFlight.ended(request);
    });
    return downloads;
  }

  quiet(quietMs?: number, timeoutMs?: number): Promise<void> {
    return this.#inFlight.quiet(quietMs, timeoutMs);
  }

  /** Every response so far with a body, once each. */
  async files(): Promise<DownloadedFile[]> {
    const all = await Promise.all(this.#recorded.values());
    return all.filter((f): f is DownloadedFile => f !== null);
  }
}
