/**
 * A volunteer's phone for goal b: Debian's Chromium with a profile on disk
 * (`launchPersistentContext`, so IndexedDB and the service worker's caches are on disk as on a
 * device), signed in through the app, its first sync finished (the replica holds every document
 * of the volunteer's view: sync/first-sync/browser-sync.ts), the task list opened once more
 * online after the service worker took over, so the staff code it needs is in the worker's cache
 * (vite.config.ts, runtimeCaching), then taken offline and opened once, untimed, to prove the list
 * opens with no network. Each timed load after that is a fresh navigation to the task list at 4×
 * CPU throttling (desk/cdp.ts), measured by the marker installed in every page
 * (task-list-marker.ts).
 */
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { staffUserId } from '../../../sync-server/accounts/staff-user-id.ts';
import { chromiumFlags, chromiumPath } from '../../chromium.ts';
import { signInThroughApp } from '../common/app-sign-in.ts';
import { Cdp, throttleRate } from '../desk/cdp.ts';
import type { CpuProfile } from '../sync/first-sync/cpu-profile.ts';
import { waitForReplica } from '../sync/first-sync/browser-sync.ts';
import { seededPassword } from '../sync/setup/staff-session.ts';
import { lang, taskListPath } from './first-load-js.ts';
import {
  taskListTimes,
  shownAtFirst,
  taskRowsShown,
  watchTaskListIn,
  type TaskListTimes,
} from './task-list-marker.ts';
import type { Device } from './volunteer-world.ts';

export { throttleRate };

const loadTimeoutMs = 60_000;

export class VolunteerDevice {
  private constructor(
    readonly device: Device,
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly origin: string,
    private readonly cdp: Cdp,
  ) {}

  /** Signed in, synced, cached, offline and throttled: ready to be timed. */
  static async prepare(
    origin: string,
    device: Device,
    profileDir: string,
  ): Promise<VolunteerDevice> {
    const context = await chromium.launchPersistentContext(path.join(profileDir, device.username), {
      executablePath: chromiumPath,
      args: [...chromiumFlags],
      serviceWorkers: 'allow',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await watchTaskListIn(page, shownAtFirst(device.tasks));
      await signInThroughApp(
        page,
        origin,
        { username: device.username, password: seededPassword },
        lang,
      );
      const replica = `_pouch_cymorth-${staffUserId(device.username)}`;
      await waitForReplica(page, [replica], device.docs);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const phone = new VolunteerDevice(device, context, page, origin, await Cdp.attach(page));
      await phone.load(); // online, now under the worker: its staff code is cached on the way
      const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
      if (!controlled) throw new Error('the service worker does not control the task list');
      await context.setOffline(true);
      await phone.load(); // offline, untimed: the list opens with no network
      await phone.cdp.throttle(throttleRate);
      return phone;
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  /** A fresh load of the task list, timed from its navigation start. */
  async load(): Promise<TaskListTimes> {
    await this.page.goto(this.origin + taskListPath, { waitUntil: 'commit' });
    try {
      return await taskListTimes(this.page, loadTimeoutMs);
    } catch (error) {
      const shown = await taskRowsShown(this.page).catch(() => -1);
      throw new Error(
        `${this.device.username}'s task list was not shown within ${loadTimeoutMs / 1000} s ` +
          `(it shows ${shown} of ${this.device.tasks} tasks)`,
        { cause: error },
      );
    }
  }

  /** One more load with the page's CPU profile (its main thread; IndexedDB works elsewhere). */
  async profiledLoad(): Promise<{ value: TaskListTimes; profile: CpuProfile }> {
    return this.cdp.profiled(() => this.load());
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
