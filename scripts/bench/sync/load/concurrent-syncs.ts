/**
 * Many volunteers' first syncs at once against one server: each client is PouchDB in Node with
 * the memory adapter (a browser per client is too heavy for this machine), replicating from `/db`
 * with the app's batch settings, all started together. The clients share the machine's two cores
 * with the server, so the figure is pessimistic for the server. Clients still syncing after
 * `capMs` are stopped and counted as unfinished (their time is then "more than the cap"), so a slow
 * server cannot hold the bench up for ever.
 */
import { memoryDb, remoteDb, signIn } from '../setup/staff-session.ts';
import { spread, type Spread } from './percentiles.ts';
import type { BatchSettings } from '../first-sync/browser-sync.ts';

export type ConcurrentSyncs = Spread & {
  docs: number;
  failed: number;
  unfinished: number;
  capMs: number;
  wallMs: number;
};

type Run = { ms: number; docs: number; ok: boolean };

export async function concurrentFirstSyncs(
  origin: string,
  usernames: readonly string[],
  settings: BatchSettings,
  capMs: number,
): Promise<ConcurrentSyncs> {
  const cookies: string[] = [];
  for (const username of usernames) cookies.push(await signIn(origin, username));
  const started = performance.now();
  const stopAll = new AbortController();
  const cap = setTimeout(() => stopAll.abort(), capMs);
  const one = async (cookie: string): Promise<Run> => {
    const local = memoryDb();
    const t0 = performance.now();
    const replication = local.replicate.from(remoteDb(`${origin}/db`, cookie), settings);
    const cancel = () => replication.cancel();
    stopAll.signal.addEventListener('abort', cancel);
    try {
      const result = await replication;
      if (stopAll.signal.aborted && result.status !== 'complete')
        return { ms: Infinity, docs: result.docs_written, ok: true };
      return { ms: performance.now() - t0, docs: result.docs_written, ok: true };
    } catch {
      return {
        ms: stopAll.signal.aborted ? Infinity : Number.NaN,
        docs: 0,
        ok: stopAll.signal.aborted,
      };
    } finally {
      stopAll.signal.removeEventListener('abort', cancel);
      await local.destroy();
    }
  };
  const runs = await Promise.all(cookies.map(one));
  clearTimeout(cap);
  const times = runs.filter((r) => r.ok).map((r) => r.ms);
  return {
    ...spread(times),
    docs: runs.reduce((sum, r) => sum + r.docs, 0),
    failed: runs.filter((r) => !r.ok).length,
    unfinished: times.filter((t) => t === Infinity).length,
    capMs,
    wallMs: performance.now() - started,
  };
}
