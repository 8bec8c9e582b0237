/** What the sync status shows (issue 3, "The device"): plain data, shared across tabs as is. */
export type SyncSnapshot = {
  online: boolean;
  /** This tab runs the replication; other tabs show what the leader broadcasts. */
  leader: boolean;
  /** Local documents the server has not acknowledged, refused ones included. */
  pendingUploads: number;
  lastSyncedAt: string | null;
  /**
   * The first sync of this device: documents pulled so far and, when the server says, how many.
   * `finished` only once the first pull has completed (`firstPullCompleted`), never on a pause.
   */
  initialSync: { done: number; total?: number; finished: boolean };
  /** Documents the server refused, which the user must see. */
  denied: Array<{ id: string; reason: string }>;
  /** True only when the push has acknowledged every local change and nothing was refused. */
  everythingOnServer: boolean;
  /** The last replication failure, until a sync succeeds. */
  error: string | null;
  /** Documents per batch: halved after each HTTP 413. */
  batchSize: number;
};

export const initialSnapshot = (online = true): SyncSnapshot => ({
  online,
  leader: false,
  pendingUploads: 0,
  lastSyncedAt: null,
  initialSync: { done: 0, finished: false },
  denied: [],
  everythingOnServer: false,
  error: null,
  batchSize: 1000,
});

/**
 * Whether a one-off pull's `complete` result means everything the server had is on the device:
 * PouchDB also reports `complete` for a cancelled replication (status `cancelled`), which must not
 * finish the first sync.
 */
export function firstPullCompleted(result: { status?: string; ok?: boolean } | undefined): boolean {
  return result?.status === 'complete' && result.ok !== false;
}

/**
 * The status of a refusal that `GET /db` answered but PouchDB's http `info()` resolved as if it
 * were the database's info (it reads the body without looking at the status): the server's
 * `{ error, reason }` body says which. `undefined` for a real info, or any other body.
 */
export function infoRefusalStatus(info: unknown): 401 | 403 | undefined {
  if (typeof info !== 'object' || info === null) return undefined;
  const error = (info as { error?: unknown }).error;
  if (error === 'session_expired' || error === 'unauthorized') return 401;
  if (error === 'account_disabled' || error === 'forbidden') return 403;
  return undefined;
}

/** The status an error carries: PouchDB's http adapter puts the HTTP status on it. */
export function errorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; error?: unknown };
  if (typeof e.status === 'number') return e.status;
  return e.error !== error ? errorStatus(e.error) : undefined;
}

export function deniedReason(doc: unknown): string {
  const d = (doc ?? {}) as { reason?: unknown; message?: unknown; name?: unknown; error?: unknown };
  for (const v of [d.reason, d.message, d.name, d.error]) if (typeof v === 'string' && v) return v;
  return 'forbidden';
}
