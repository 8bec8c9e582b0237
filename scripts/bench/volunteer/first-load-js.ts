/**
 * Goal a: the JavaScript a volunteer's first load fetches. A fresh context (no HTTP cache, the
 * service worker blocked so its precache traffic is not mixed in, as for the resident's figure)
 * opens the Welsh sign-in page, signs in, lands on the staff home and follows its link to the task
 * list, which is waited for until it shows the volunteer's tasks. Every JS file the page fetched
 * is counted once, gzipped at level 9, and the files holding PouchDB and Leaflet are summed apart.
 */
import type { Browser } from '@playwright/test';
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

/** What had been fetched after each step, so far (each step's figure includes those before it). */
export async function measureFirstLoadJs(
  browser: Browser,
  origin: string,
  username: string,
  tasks: number,
): Promise<JsStep[]> {
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
    await settled(`its link to the task list ${taskListPath}, ${tasks} tasks shown`);
    return steps;
  } finally {
    await context.close();
  }
}
