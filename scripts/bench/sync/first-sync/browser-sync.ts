/**
 * The first syncs timed in headless Chromium, each in a fresh browser context (empty IndexedDB,
 * no HTTP cache):
 * - the app: the built Cymorth app as a staff member uses it, signing in at /en/staff/sign-in; the
 *   clock runs from its first `/db` request until its PouchDB replica (IndexedDB `_pouch_cymorth-
 *   <user id>`, store `docs`, named by the account's id: src/lib/staff/sync/replica/device-db.ts)
 *   holds every document of the user's view. The sync panel's own
 *   "first sync finished" is not used: the one-off first pull sets it when it completes, after its
 *   last checkpoint, a little after the replica is full;
 * - stock: pouchdb-browser replicating `from` a URL with given batch settings (bench page);
 * - floor: Dexie `bulkPut` of the same documents (bench page).
 */
import type { Browser, Page } from '@playwright/test';
import type { BenchPage, FloorResult, ReplicateResult } from './browser/bench-page.ts';
import { staffUserId } from '../../../../sync-server/accounts/staff-user-id.ts';
import { deviceAddress, seededPassword } from '../setup/staff-session.ts';
import { signInThroughApp } from '../../common/app-sign-in.ts';
import { WireCounter, type WireTotals } from './wire-bytes.ts';

export type SyncRun = { ms: number; docs: number; wire: WireTotals };
export type BatchSettings = { batch_size: number; batches_limit: number };

const syncTimeoutMs = 240_000;

async function inContext<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    extraHTTPHeaders: { 'X-Forwarded-For': deviceAddress() },
  });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

export function appFirstSync(
  browser: Browser,
  origin: string,
  username: string,
  expectedDocs: number,
): Promise<SyncRun> {
  return inContext(browser, async (page) => {
    const wire = await WireCounter.attach(page, '/db');
    await signInThroughApp(page, origin, { username, password: seededPassword });
    // Named by the account's id; a baseline from before that named it by the username.
    const names = [`_pouch_cymorth-${staffUserId(username)}`, `_pouch_cymorth-${username}`];
    const docs = await waitForReplica(page, names, expectedDocs);
    const done = Date.now();
    return { ms: done - (wire.firstRequestAt ?? done), docs, wire: wire.totals };
  });
}

/**
 * Polls the replica's document count (live and deleted, `_local` apart) until it reaches
 * `expected`; the replica is whichever of `idbNames` the app made.
 */
export async function waitForReplica(
  page: Page,
  idbNames: string[],
  expected: number,
): Promise<number> {
  const deadline = Date.now() + syncTimeoutMs;
  for (;;) {
    const count = await page.evaluate(async (names) => {
      const known = await indexedDB.databases();
      const name = names.find((n) => known.some((d) => d.name === n));
      if (name === undefined) return 0;
      return new Promise<number>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('docs')) return (db.close(), resolve(0));
          const request = db.transaction('docs').objectStore('docs').count();
          request.onsuccess = () => (db.close(), resolve(request.result));
          request.onerror = () => (db.close(), resolve(0));
        };
      });
    }, idbNames);
    if (count >= expected) return count;
    if (Date.now() > deadline)
      throw new Error(
        `the replica holds ${count} of ${expected} documents after ${syncTimeoutMs / 1000} s`,
      );
    await page.waitForTimeout(100);
  }
}

async function benchPage(page: Page, origin: string, pagePath: string): Promise<WireCounter> {
  const wire = await WireCounter.attach(page, '/');
  await page.goto(`${origin}${pagePath}`, { waitUntil: 'load' });
  await page.waitForFunction(() => 'cymorthBench' in globalThis);
  return wire;
}

type BenchWindow = { cymorthBench: BenchPage };

/** Stock PouchDB from `dbUrl`; with `username`, signed in to Cymorth first (same origin). */
export function stockFirstSync(
  browser: Browser,
  pageOrigin: string,
  pagePath: string,
  dbUrl: string,
  settings: BatchSettings,
  username?: string,
): Promise<SyncRun> {
  return inContext(browser, async (page) => {
    const wire = await benchPage(page, pageOrigin, pagePath);
    if (username) {
      await page.evaluate(
        ([u, p]) => (globalThis as unknown as BenchWindow).cymorthBench.signIn(u, p),
        [username, seededPassword] as const,
      );
    }
    wire.reset();
    const result: ReplicateResult = await page.evaluate(
      ([url, s]) => (globalThis as unknown as BenchWindow).cymorthBench.replicate(url, s),
      [dbUrl, settings] as const,
    );
    return { ms: result.ms, docs: result.docsWritten, wire: wire.totals };
  });
}

export function dexieFloor(
  browser: Browser,
  pageOrigin: string,
  pagePath: string,
  allDocsUrl: string,
): Promise<FloorResult> {
  return inContext(browser, async (page) => {
    await benchPage(page, pageOrigin, pagePath);
    return page.evaluate(
      (url) => (globalThis as unknown as BenchWindow).cymorthBench.dexieFloor(url),
      allDocsUrl,
    );
  });
}
