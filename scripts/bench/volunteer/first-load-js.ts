/**
 * Goal a: the JavaScript a volunteer's first load fetches. A fresh context (no HTTP cache, the
 * service worker blocked so its precache traffic is not mixed in, as for the resident's figure)
 * opens the Welsh sign-in page, signs in, lands on the staff home and follows its link to the task
 * list, which is waited for until it shows the volunteer's tasks. Every JS file the page fetched
 * is counted once, gzipped at level 9, and the files holding PouchDB and Leaflet are summed apart.
 * That path is the goal's figure: on a device's first sign-in the tasks arrive through the first
 * sync, so PouchDB is needed before the list can show and is counted, wherever it is loaded.
 *
 * Then, beside it, the app's own start on a device that holds its data (`measureColdStart`): the
 * same context, its HTTP cache cleared, loads the task list afresh; what it fetched before the list
 * was shown, and what it fetched after (the replica and its sync start once the list is drawn).
 */
import type { Browser, Page } from '@playwright/test';
import { openSignIn, submitSignIn } from '../common/app-sign-in.ts';
import {
  bySizeDescending,
  isJavaScript,
  totals,
  type DownloadedFile,
  type DownloadTotals,
} from '../common/downloads/downloaded-file.ts';
import { PageDownloads } from '../common/downloads/page-downloads.ts';
import { seededPassword } from '../sync/setup/staff-session.ts';
import { shownAtFirst, waitForTaskRows } from './task-list-marker.ts';

export const lang = 'cy';
export const taskListPath = `/${lang}/staff/requests`;

export type JsStep = DownloadTotals & {
  step: string;
  pouchdb: DownloadTotals;
  leaflet: DownloadTotals;
  /** Largest first. */
  files: DownloadedFile[];
};

function summarise(step: string, files: Iterable<DownloadedFile>): JsStep {
  const js = bySizeDescending([...files].filter(isJavaScript));
  return {
    step,
    ...totals(js),
    pouchdb: totals(js.filter((f) => f.mentionsPouchdb)),
    leaflet: totals(js.filter((f) => f.holdsLeaflet)),
    files: js,
  };
}

export type FirstLoad = {
  /** What had been fetched after each step, so far (each step's figure includes those before it). */
  steps: JsStep[];
  coldStart: ColdStart;
};

/** A fresh load of the task list on a device that holds its data, with no HTTP cache. */
export type ColdStart = { beforeList: JsStep; afterList: JsStep };

/**
 * A request counts as before the list when it was sent before the list was seen in the DOM (looked
 * for every 20 ms, so a request sent in those last milliseconds counts as before: never too few).
 */
async function measureColdStart(page: Page, origin: string, tasks: number): Promise<ColdStart> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  const downloads = PageDownloads.attach(page, (r) => !r.url().includes('feed=longpoll'));
  const beforeList = new Set<string>();
  let shown = false;
  page.on('request', (r) => {
    if (!shown) beforeList.add(new URL(r.url()).pathname);
  });
  await page.goto(origin + taskListPath, { waitUntil: 'commit' });
  await waitForTaskRows(page, shownAtFirst(tasks), 120_000, 20);
  shown = true;
  await downloads.quiet();
  const files = await downloads.files();
  const isBefore = (f: DownloadedFile) => beforeList.has(f.path.split('?')[0]!);
  return {
    beforeList: summarise(
      `a fresh load of ${taskListPath}, HTTP cache cleared, before the list was shown`,
      files.filter(isBefore),
    ),
    afterList: summarise(
      'after the list was shown',
      files.filter((f) => !isBefore(f)),
    ),
  };
}

export async function measureFirstLoadJs(
  browser: Browser,
  origin: string,
  username: string,
  tasks: number,
): Promise<FirstLoad> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    // The live sync's long poll stays open by design; everything else is waited for.
    const downloads = PageDownloads.attach(page, (r) => !r.url().includes('feed=longpoll'));
    const steps: JsStep[] = [];
    const settled = async (step: string) => {
      await downloads.quiet();
      steps.push(summarise(step, await downloads.files()));
    };
    await openSignIn(page, origin, lang);
    await settled(`the sign-in page /${lang}/staff/sign-in`);
    await submitSignIn(page, { username, password: seededPassword }, lang);
    await settled(`signed in, the staff home /${lang}/staff`);
    await page.locator(`a[href="${taskListPath}"]`).first().click();
    await page.waitForURL((url) => url.pathname === taskListPath, { timeout: 15_000 });
    await waitForTaskRows(page, shownAtFirst(tasks), 120_000);
    await settled(
      `its link to the task list ${taskListPath}, first ${shownAtFirst(tasks)} of ${tasks} tasks shown`,
    );
    return { steps, coldStart: await measureColdStart(page, origin, tasks) };
  } finally {
    await context.close();
  }
}
