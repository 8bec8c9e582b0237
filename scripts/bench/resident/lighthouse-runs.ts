/**
 * Figure c: Lighthouse (mobile form factor, default simulated throttling) on pages as the sync
 * server serves them, each page run several times and the median of each figure reported. One
 * Chromium, launched the way the Lighthouse CLI launches it (chrome-launcher), serves every run:
 * each run opens its own tab and Lighthouse clears the origin's storage, cache and service worker
 * first, so runs do not warm each other up, and no run pays for a browser start.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../../chromium.ts';
import { median } from '../common/median.ts';

export const lighthouseCategories = ['performance', 'accessibility', 'best-practices'] as const;
type Category = (typeof lighthouseCategories)[number];

const metricAudits = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
} as const;
type Metric = keyof typeof metricAudits;

export type LighthouseFigures = Record<Category | Metric, number>;

export type LighthousePage = {
  path: string;
  runs: LighthouseFigures[];
  /** Each figure's median over the runs (figure by figure). */
  median: LighthouseFigures;
  errors: string[];
};

export type LighthouseTarget = { name: string; origin: string };

const launchFlags = ['--headless=new', ...chromiumFlags];

/** The CLI command that reproduces one run of ours. */
export function lighthouseCommand(url: string): string {
  return [
    `CHROME_PATH=${chromiumPath} npx lighthouse ${url}`,
    `--only-categories=${lighthouseCategories.join(',')}`,
    '--disable-full-page-screenshot',
    `--chrome-flags="${launchFlags.join(' ')}"`,
  ].join(' ');
}

async function runOnce(port: number, url: string): Promise<LighthouseFigures> {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: [...lighthouseCategories],
    disableFullPageScreenshot: true,
  });
  if (!result) throw new Error('Lighthouse returned nothing');
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = (category: Category) =>
    Math.round((lhr.categories[category]?.score ?? Number.NaN) * 100);
  const metric = (metric: Metric) => lhr.audits[metricAudits[metric]]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    fcpMs: metric('fcpMs'),
    lcpMs: metric('lcpMs'),
    tbtMs: metric('tbtMs'),
    cls: metric('cls'),
  };
}

function medianFigures(runs: readonly LighthouseFigures[]): LighthouseFigures {
  const of = (key: keyof LighthouseFigures) => median(runs.map((run) => run[key]));
  return {
    performance: of('performance'),
    accessibility: of('accessibility'),
    'best-practices': of('best-practices'),
    fcpMs: of('fcpMs'),
    lcpMs: of('lcpMs'),
    tbtMs: of('tbtMs'),
    cls: of('cls'),
  };
}

/**
 * Runs every page of every target `runs` times, interleaved (run 1 of each target and page, then
 * run 2, …) so that a slow spell on the machine does not land on one column only.
 */
export async function runLighthouse(
  targets: readonly LighthouseTarget[],
  paths: readonly string[],
  runs: number,
  onRun: (target: string, url: string, run: number, seconds: number) => void = () => {},
): Promise<Map<string, LighthousePage[]>> {
  const collected = new Map<string, { runs: LighthouseFigures[]; errors: string[] }>();
  const key = (target: string, path: string) => `${target}\u0000${path}`;
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: launchFlags,
  });
  try {
    for (let run = 1; run <= runs; run++) {
      for (const path of paths) {
        for (const target of targets) {
          const slot = collected.get(key(target.name, path)) ?? { runs: [], errors: [] };
          collected.set(key(target.name, path), slot);
          const started = Date.now();
          try {
            slot.runs.push(await runOnce(chrome.port, target.origin + path));
          } catch (error) {
            slot.errors.push(
              `run ${run}: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
          onRun(target.name, target.origin + path, run, (Date.now() - started) / 1000);
        }
      }
    }
  } finally {
    chrome.kill();
  }
  const byTarget = new Map<string, LighthousePage[]>();
  for (const target of targets) {
    byTarget.set(
      target.name,
      paths.map((path) => {
        const slot = collected.get(key(target.name, path)) ?? { runs: [], errors: [] };
        return { path, runs: slot.runs, median: medianFigures(slot.runs), errors: slot.errors };
      }),
    );
  }
  return byTarget;
}
