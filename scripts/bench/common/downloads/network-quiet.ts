/**
 * "Network idle" that also works after a client-side navigation (Playwright's `networkidle` load
 * state only covers the document's first load): no request of interest in flight for `quietMs`.
 */
import type { Request } from '@playwright/test';

export class InFlightRequests {
  readonly #inFlight = new Set<Request>();
  #lastChange = Date.now();
  readonly #include: (request: Request) => boolean;

  constructor(include: (request: Request) => boolean = () => true) {
    this.#include = include;
  }

  /** Wire to the `request` event of a page or context. */
  readonly started = (request: Request): void => {
    if (!this.#include(request)) return;
    this.#inFlight.add(request);
    this.#lastChange = Date.now();
  };

  /** Wire to `requestfinished` and `requestfailed`. */
  readonly ended = (request: Request): void => {
    if (this.#inFlight.delete(request)) this.#lastChange = Date.now();
  };

  async quiet(quietMs = 500, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#inFlight.size > 0 || Date.now() - this.#lastChange < quietMs) {
      if (Date.now() > deadline) {
        const urls = [...this.#inFlight].map((r) => r.url()).join(', ');
        throw new Error(`network not quiet after ${timeoutMs / 1000} s; in flight: ${urls}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
