/**
 * Figure a: the JavaScript a resident's first visit downloads. A fresh context (no HTTP cache, no
 * service worker: blocked, so every fetch goes to the network and the worker's precache traffic
 * is not mixed in) opens the Welsh start page, then follows the start button to the first
 * question, as a resident would. Only the page's own requests are counted.
 */
import type { Browser } from '@playwright/test';
import {
  bySizeDescending,
  isJavaScript,
  totals,
  type DownloadedFile,
  type DownloadTotals,
} from '../common/downloads/downloaded-file.ts';
import { PageDownloads } from '../common/downloads/page-downloads.ts';

export const startPath = '/cy';
export const firstQuestionPath = '/cy/request/who';

export type JsDownload = DownloadTotals & {
  /** Largest first. */
  files: DownloadedFile[];
  /** Downloaded JS files whose text mentions PouchDB. */
  pouchdbFiles: string[];
};

export type FirstVisitJs = {
  startPage: JsDownload;
  /** `/cy` then its start button to `/cy/request/who`: every JS file of both, once each. */
  journey: JsDownload | null;
  journeyError?: string;
};

function summarise(files: Iterable<DownloadedFile>): JsDownload {
  const js = [...files].filter(isJavaScript);
  return {
    ...totals(js),
    files: bySizeDescending(js),
    pouchdbFiles: js.filter((f) => f.mentionsPouchdb).map((f) => f.path),
  };
}

export async function measureFirstVisitJs(browser: Browser, origin: string): Promise<FirstVisitJs> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const downloads = PageDownloads.attach(page);
    const response = await page.goto(origin + startPath, { waitUntil: 'networkidle' });
    if (!response?.ok())
      throw new Error(`${startPath} answered ${response?.status() ?? 'nothing'}`);
    await downloads.quiet();
    const startPage = summarise(await downloads.files());

    const startButton = page.locator(`a[href="${firstQuestionPath}"]`).first();
    if ((await startButton.count()) === 0) {
      return {
        startPage,
        journey: null,
        journeyError: `no link to ${firstQuestionPath} on ${startPath}`,
      };
    }
    await startButton.click();
    await page.waitForURL((url) => url.pathname === firstQuestionPath, { timeout: 15_000 });
    await downloads.quiet();
    return { startPage, journey: summarise(await downloads.files()) };
  } finally {
    await context.close();
  }
}
