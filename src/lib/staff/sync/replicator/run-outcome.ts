/**
 * How one PouchDB replication run ended, as the replicator's parts report it: `error` when it
 * failed, nothing when it completed or was cancelled. A run under way is `Running`, so the
 * replicator can cancel it (back online, stopped, access refused).
 */
export type Outcome = { error?: unknown };

export type Running = { cancel(): void };

type Run = PouchDB.Replication.Replication<object> | PouchDB.Replication.Sync<object>;

/** Resolves when `run` ends: `complete` (a one-off finished, or either was cancelled) or `error`. */
export const settled = (run: Run) =>
  new Promise<Outcome & { result?: { status?: string; ok?: boolean } }>((resolve) => {
    const events = run as unknown as { on(e: string, f: (x: never) => void): void };
    events.on('error', (error: unknown) => resolve({ error }));
    events.on('complete', (result: { status?: string; ok?: boolean }) => resolve({ result }));
  });
