/**
 * When the task list shows a volunteer's tasks, seen from inside the page without changing the app:
 * a script installed before any of the page's own (`addInitScript`) watches the DOM and notes, on
 * the page's clock (`performance.now()`, 0 at navigation start), when the list of their own tasks
 * first holds `rows` cards (+page.svelte's "mine" section of RequestCard), and when the frame that
 * shows them has been drawn: the next animation frame, then a message (which runs after that
 * frame's style, layout and paint).
 */
import type { Page } from '@playwright/test';

const list = 'section[aria-labelledby="mine-title"]';
/**
 * The cards the list shows at first (+page.svelte's `pageSize`; "Show 50 more" adds the rest): the
 * task list is there when the volunteer's first `min(tasks, firstPage)` tasks are.
 */
export const firstPage = 50;
export const shownAtFirst = (tasks: number) => Math.min(tasks, firstPage);
const row = `${list} .request-card`;

export type TaskListTimes = {
  /** The rows are in the DOM. */
  rowsMs: number;
  /** The frame drawing them is done: "visible". */
  shownMs: number;
  firstContentfulPaintMs: number | null;
};

type MarkedWindow = { taskListTimes?: Omit<TaskListTimes, 'firstContentfulPaintMs'> };

/**
 * The init script, as text: a function handed to Playwright would be serialised as tsx compiled
 * it, with esbuild's `__name` helper calls that do not exist in the page.
 */
const watchTaskList = (rows: number) => `(() => {
  const reached = () =>
    document.querySelector(${JSON.stringify(list)}) !== null &&
    document.querySelectorAll(${JSON.stringify(row)}).length >= ${rows};
  const observer = new MutationObserver(() => {
    if (!reached()) return;
    observer.disconnect();
    const rowsMs = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.taskListTimes = { rowsMs, shownMs: performance.now() };
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export async function watchTaskListIn(page: Page, rows: number): Promise<void> {
  await page.context().addInitScript({ content: watchTaskList(rows) });
}

/** The marks of the page now loading, once the rows are shown. */
export async function taskListTimes(page: Page, timeoutMs: number): Promise<TaskListTimes> {
  const handle = await page.waitForFunction(
    () => {
      const times = (window as MarkedWindow).taskListTimes;
      if (!times) return null;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { ...times, firstContentfulPaintMs: fcp ? fcp.startTime : null };
    },
    undefined,
    // Polled, not every animation frame, to take as little as possible of the page's main thread.
    { timeout: timeoutMs, polling: 100 },
  );
  return (await handle.jsonValue()) as TaskListTimes;
}

/** Online, with no marker installed: waits until the list shows at least `rows` tasks. */
export async function waitForTaskRows(
  page: Page,
  rows: number,
  timeoutMs: number,
  pollingMs = 200,
): Promise<void> {
  await page.waitForFunction(
    ([l, r, n]) => document.querySelector(l) !== null && document.querySelectorAll(r).length >= n,
    [list, row, rows] as const,
    { timeout: timeoutMs, polling: pollingMs },
  );
}

/** How many of their own tasks the list shows now (for an error message). */
export function taskRowsShown(page: Page): Promise<number> {
  return page.evaluate((r) => document.querySelectorAll(r).length, row);
}
