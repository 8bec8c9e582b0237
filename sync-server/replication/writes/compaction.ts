/**
 * A contact that is edited or deleted must not stay readable in storage: every earlier revision
 * keeps its whole body (name, address, health details) until the database is compacted. `/db`
 * serves only leaf revisions (doc-reads.ts), so no device can ask for them; compaction removes
 * them from the disk too. Asked for shortly after a contact changes, a few changes at a time.
 *
 * On LevelDB PouchDB compacts what changed since its last compaction. On CouchDB `_compact` needs
 * the database's admin role: an instance running as a plain member is refused, which is logged
 * once, and CouchDB's own compaction daemon (smoosh) does it on its schedule instead.
 * https://docs.couchdb.org/en/stable/maintenance/compaction.html
 */
import type { ReplicatedDb } from '../../storage/storage.ts';

export function compactionAfterChange(db: ReplicatedDb, delayMs = 1000) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let refusedLogged = false;

  const compact = async () => {
    try {
      await db.compact();
    } catch (error) {
      if (refusedLogged) return;
      refusedLogged = true;
      const status = (error as { status?: number }).status ?? 'unknown';
      console.warn(
        `compaction: storage refused (${status}); old contact revisions wait for its own`,
      );
    }
  };

  return {
    /** A contact changed: compact soon, once for every change in the next `delayMs`. */
    changed(): void {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        running = running.then(compact);
      }, delayMs);
      timer.unref();
    },
    /** Resolves once any compaction asked for has finished (for tests and shutdown). */
    async settled(): Promise<void> {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        running = running.then(compact);
      }
      await running;
    },
  };
}
