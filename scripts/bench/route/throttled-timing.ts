/**
 * Route ordering timed where the goal is set: in Chromium at 4× CPU throttling (desk/cdp.ts),
 * a stand-in for a volunteer's old phone. The page script is bundled with esbuild (tsx's own) and
 * put into a blank page, so no server is needed.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from '../../chromium.ts';
import { Cdp, throttleRate } from '../desk/cdp.ts';
import type { RoutePage } from './browser/route-page.ts';
import type { Day } from './route-days.ts';

export { throttleRate };

async function bundledPage(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(import.meta.dirname, 'browser', 'route-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** Milliseconds for each day, after the first `warmUp` days untimed. */
export async function timeThrottled(days: Day[], warmUp: number): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await bundledPage() });
    await (await Cdp.attach(page)).throttle(throttleRate);
    return await page.evaluate(
      ([d, w]) => (globalThis as unknown as { routeBench: RoutePage }).routeBench.time(d, w),
      [days, warmUp] as const,
    );
  } finally {
    await browser.close();
  }
}
