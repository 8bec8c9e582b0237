/**
 * What the desk bench asks of Chromium through the DevTools protocol: 4× CPU throttling
 * (`Emulation.setCPUThrottlingRate`, a mid-range phone or an old laptop on a desk) and the page's
 * JS heap after a full garbage collection (`HeapProfiler.collectGarbage`, then
 * `Runtime.getHeapUsage`).
 */
import type { CDPSession, Page } from '@playwright/test';
import type { CpuProfile } from '../sync/first-sync/cpu-profile.ts';

export const throttleRate = 4;

export class Cdp {
  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page): Promise<Cdp> {
    return new Cdp(await page.context().newCDPSession(page));
  }

  async throttle(rate: number): Promise<void> {
    await this.session.send('Emulation.setCPUThrottlingRate', { rate });
  }

  /** Used JS heap in MB after two full collections (the second catches what the first freed). */
  async heapMb(): Promise<number> {
    await this.session.send('HeapProfiler.enable');
    await this.session.send('HeapProfiler.collectGarbage');
    await this.session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await this.session.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  }

  /** The page's CPU profile while `run` runs (`Profiler.start`/`stop`), sampled every 0.5 ms. */
  async profiled<T>(run: () => Promise<T>): Promise<{ value: T; profile: CpuProfile }> {
    await this.session.send('Profiler.enable');
    await this.session.send('Profiler.setSamplingInterval', { interval: 500 });
    await this.session.send('Profiler.start');
    const value = await run();
    const { profile } = (await this.session.send('Profiler.stop')) as unknown as {
      profile: CpuProfile;
    };
    return { value, profile };
  }
}
