/**
 * The resident's phone: its network, its service worker, and what the app keeps in IndexedDB
 * (`cymorth-resident`, table `requests`), read with the plain IndexedDB API as any page script could.
 */
import type { BrowserContext, Page, Route } from '@playwright/test';

/** The fields of an outbox row that the tests read. */
export type StoredRequest = {
  id: string;
  state: 'waiting' | 'sent' | 'refused';
  submission: Record<string, unknown>;
  created_at: string;
  attempts: number;
  reference?: string;
  status_token?: string;
  status?: string;
};

export class Device {
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {}

  /** Resolves when a service worker is active, i.e. every page is precached. */
  async serviceWorkerReady(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }

  /** Asks the browser to look for a new service worker now, as the app does when it is shown. */
  async checkForUpdate(): Promise<void> {
    await this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
  }

  /** Whether a new version has been installed and is waiting to take over. */
  async hasWaitingWorker(): Promise<boolean> {
    return this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return Boolean(registration?.waiting);
    });
  }

  async isControlledByServiceWorker(): Promise<boolean> {
    return this.page.evaluate(() => navigator.serviceWorker.controller !== null);
  }

  async goOffline(): Promise<void> {
    await this.context.setOffline(true);
  }

  async goOnline(): Promise<void> {
    await this.context.setOffline(false);
  }

  /**
   * Drops every `POST /api/requests` on the floor as a lost connection would, leaving the rest of
   * the network (pages, the service worker script) working. Returns a function that lets them
   * through again.
   */
  async dropSubmissions(): Promise<() => Promise<void>> {
    const pattern = '**/api/requests';
    await this.context.route(pattern, (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback(),
    );
    return () => this.context.unroute(pattern);
  }

  /**
   * Holds the next `POST /api/requests` in flight, as a weak signal does, until `drop` fails it as
   * a lost connection would. Later submissions go through.
   */
  async holdNextSubmission(): Promise<{ arrived: Promise<void>; drop(): Promise<void> }> {
    const pattern = '**/api/requests';
    let hold: (route: Route) => void = () => undefined;
    const held = new Promise<Route>((resolve) => (hold = resolve));
    let taken = false;
    await this.context.route(pattern, (route) => {
      if (route.request().method() !== 'POST' || taken) return route.fallback();
      taken = true;
      hold(route);
      return Promise.resolve();
    });
    return {
      arrived: held.then(() => undefined),
      drop: async () => {
        await (await held).abort('internetdisconnected');
        await this.context.unroute(pattern);
      },
    };
  }

  /** True when no tab holds or waits for the outbox's Web Lock: every queued send has finished. */
  async outboxIdle(): Promise<boolean> {
    return this.page.evaluate(async () => {
      const { held = [], pending = [] } = await navigator.locks.query();
      return [...held, ...pending].every((lock) => lock.name !== 'cymorth-outbox');
    });
  }

  async storedRequest(id: string): Promise<StoredRequest | undefined> {
    return this.page.evaluate(
      (id) =>
        new Promise<StoredRequest | undefined>((resolve, reject) => {
          const open = indexedDB.open('cymorth-resident');
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('requests').objectStore('requests').get(id);
            get.onerror = () => reject(get.error ?? new Error('get failed'));
            get.onsuccess = () => {
              db.close();
              resolve(get.result as StoredRequest | undefined);
            };
          };
        }),
      id,
    );
  }
}
