/**
 * Many volunteers' first syncs at once against one server: each client is PouchDB in Node with
 * the memory adapter (a browser per client is too heavy for this machine), replicating from `/db`
 * with the app's batch settings, all started together. The clients share the machine's two cores
 * with the server, so the figure is pessimistic for the server.
 */
import { memoryDb, remoteDb, signIn } from './staff-session.ts';
import { spread, type Spread } from './percentiles.ts';
import type { BatchSettings } from './browser-sync.ts';

export type ConcurrentSyncs = Spread & { docs: number; failed: number; wallMs: number };

export async function concurrentFirstSyncs(
  origin: string,
  usernames: readonly string[],
  settings: BatchSettings,
): Promise<ConcurrentSyncs> {
  const cookies: string[] = [];
  for (const username of usernames) cookies.push(await signIn(origin, username));
  const started = performance.now();
  const runs = await Promise.all(
    cookies.map(async (cookie) => {
      const local = memoryDb();
      const t0 = performance.now();
      try {
        const result = await local.replicate.from(remoteDb(`${origin}/db`, cookie), settings);
        return { ms: performance.now() - t0, docs: result.docs_written, ok: true };
      } catch {
        return { ms: Number.NaN, docs: 0, ok: false };
      } finally {
        await local.destroy();
      }
    }),
  );
  return {
    ...spread(runs.filter((r) => r.ok).map((r) => r.ms)),
    docs: runs.reduce((sum, r) => sum + r.docs, 0),
    failed: runs.filter((r) => !r.ok).length,
    wallMs: performance.now() - started,
  };
}
