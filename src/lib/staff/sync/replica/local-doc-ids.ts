/**
 * The `_local` documents a device keeps in its replica of its own: they never replicate, survive
 * reloads and purges, and go with the replica at sign-out. Named here, in one place, because a
 * replica moved to a new name (replica-upgrade.ts) must carry every one of them.
 */
/** The first sync has completed (replicator/first-sync.ts). */
export const initialSyncId = '_local/cymorth-initial-sync';
/** What the device has written and not yet seen on the server (uploads/upload-ledger.ts). */
export const uploadLedgerId = '_local/cymorth-uploads';
/** Where the eviction cycle goes on from (eviction/eviction-cycle.ts). */
export const evictionTokenId = '_local/cymorth-evictions';
/** Refusals the user has still to be told about (src/lib/staff/refusals/refusal-log-store.ts). */
export const refusalLogId = '_local/cymorth-work-refusals';
/** References held for calls taken with no signal (src/lib/staff/intake/reference-pool.ts). */
export const referencePoolId = '_local/cymorth-reference-pool';
/** When the device last caught up with the server (replica/last-synced.ts). */
export const lastSyncedId = '_local/cymorth-last-synced';
