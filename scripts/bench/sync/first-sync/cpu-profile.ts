/**
 * The Chrome DevTools CPU profile of a browser run (`Profiler.start`/`stop` over a CDP session on
 * each page the run opens), and a bottom-up summary of it: self time per function, and how much of
 * the main thread was idle.
 */
import type { Browser, BrowserContext, CDPSession } from '@playwright/test';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
};

/**
 * Runs `run` with a browser whose contexts profile their first page from its creation until the
 * context is closed (the run closes it once it has its figure).
 */
export async function cpuProfiled<T>(
  browser: Browser,
  run: (b: Browser) => Promise<T>,
): Promise<{ value: T; profile: CpuProfile }> {
  let profile: CpuProfile | null = null;
  const watch = (context: BrowserContext) => {
    let session: Promise<CDPSession> | null = null;
    context.on('page', (page) => {
      session ??= (async () => {
        const s = await context.newCDPSession(page);
        await s.send('Profiler.enable');
        await s.send('Profiler.setSamplingInterval', { interval: 500 });
        await s.send('Profiler.start');
        return s;
      })();
    });
    const close = context.close.bind(context);
    context.close = async (options) => {
      if (session) {
        const s = await session;
        profile = ((await s.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile;
      }
      return close(options);
    };
    return context;
  };
  const proxied = new Proxy(browser, {
    get(target, prop) {
      if (prop === 'newContext')
        return async (...args: Parameters<Browser['newContext']>) =>
          watch(await target.newContext(...args));
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  const value = await run(proxied);
  if (!profile) throw new Error('no profile was taken');
  return { value, profile };
}

const where = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;

/** Self time per function (ms), most first, with the idle, GC and total figures. */
export function summarise(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!node) continue;
    self.set(where(node.callFrame), (self.get(where(node.callFrame)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const name = where(byId.get(id)!.callFrame);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      seen.add(name);
    }
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const of = (name: string) =>
    [...self].filter(([k]) => k.startsWith(name)).reduce((s, [, v]) => s + v, 0);
  const idle = of('(idle)');
  const lines = [
    `  profiled ${total.toFixed(0)} ms: idle ${idle.toFixed(0)} ms, busy ${(total - idle).toFixed(0)} ms ` +
      `(GC ${of('(garbage collector)').toFixed(0)} ms, program ${of('(program)').toFixed(0)} ms)`,
  ];
  const sorted = [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  for (const [name, ms] of sorted.slice(0, top))
    lines.push(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  lines.push('  inclusive (synchronous stacks only):');
  const outer = [...inclusive]
    .filter(([k]) => !k.startsWith('(') && !k.startsWith('(anonymous)'))
    .sort((a, b) => b[1] - a[1]);
  for (const [name, ms] of outer.slice(0, top))
    lines.push(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  return lines.join('\n');
}
