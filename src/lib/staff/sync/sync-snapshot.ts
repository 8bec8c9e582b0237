/** What the sync status shows (issue 3, "The device"): plain data, shared across tabs as is. */
export type SyncSnapshot = {
  online: boolean;
  /** This tab runs the replication; other tabs show what the leader broadcasts. */
  leader: boolean;
  /** Local documents the server has not acknowledged, refused ones included. */
  pendingUploads: number;
  lastSyncedAt: string | null;
  /** The first sync of this device: documents pulled so far and, when the server says, how many. */
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
  batchSize: 500,
});

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
