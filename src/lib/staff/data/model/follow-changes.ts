/**
 * The read model following the local database as it changes (read-model.ts applies the changes):
 * what the staff device runs once it has a replica (sync/device.ts).
 */
import { catchUp, rebuild, type ChangesPage, type ReadModelDb } from './read-model.ts';
import { retriage } from './retriage.ts';

/** How often a following model looks whether the date in Wales has moved on (retriage.ts). */
const dayCheckMs = 10 * 60_000;

/**
 * Keeps the model following the local database: the live changes feed only says "something
 * changed"; the batches are read by `catchUp`, one run at a time, each followed by `retriage`
 * (nothing to do but one index read unless the date has moved on), which a timer also runs.
 * `idle()` resolves once the model has caught up with every change seen so far.
 */
export function followChanges(
  db: PouchDB.Database,
  model: ReadModelDb,
  onPage?: (page: ChangesPage) => void,
) {
  let running: Promise<unknown> = Promise.resolve();
  // At most one run waits: the feed says "changed" once per document, and one catch-up that
  // starts after the call reads them all.
  let waiting: Promise<unknown> | null = null;
  let stopped = false;
  const run = () => {
    waiting ??= running = running
      .then(async () => {
        waiting = null;
        if (stopped) return;
        await catchUp(db, model, onPage);
        await retriage(model, new Date().toISOString());
      })
      .catch((e: unknown) => {
        // A run still going when the device stopped may meet the model closed: nothing lost.
        if (!stopped) console.error('read model update failed', e);
      });
    return waiting;
  };
  const feed = db.changes({ since: 'now', live: true });
  void feed.on('change', () => void run());
  void run();
  const timer = setInterval(() => void run(), dayCheckMs);
  return {
    idle: async () => {
      let seen: Promise<unknown>;
      do {
        seen = running;
        await seen;
      } while (seen !== running);
      await run();
    },
    rebuild: async () => {
      running = running.catch(() => {}).then(() => rebuild(db, model, onPage));
      await running;
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
      feed.cancel();
    },
  };
}
