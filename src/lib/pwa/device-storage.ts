/**
 * Whether the browser will keep what this device has saved (the resident's outbox, the staff
 * replica) and whether its storage is nearly full: one place for the Storage API
 * (https://storage.spec.whatwg.org/#storagemanager), used by the staff and the resident pages.
 *
 * Browsers that lack a method (older Safari has no `persist`, some none of them) make the answer
 * 'unknown', and the pages then say nothing: a claim the browser never made is worse than silence.
 */

/** The part of `navigator.storage` used here; every method may be missing. */
export type StorageLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

/** 'kept': the browser will not evict this origin's data under pressure; 'may-clear': it may. */
export type Keeping = 'kept' | 'may-clear' | 'unknown';

export type DeviceStorage = { keeping: Keeping; nearlyFull: boolean };

/** Share of the quota in use from which the pages warn (Chromium evicts near the quota). */
export const nearlyFullShare = 0.9;

const browserStorage = (): StorageLike | undefined => globalThis.navigator?.storage;

const keepingOf = (answer: boolean): Keeping => (answer ? 'kept' : 'may-clear');

/** The ask in flight, so a page reading the answer waits for it rather than reading too early. */
let asking: Promise<Keeping> | null = null;

/**
 * Asks the browser to keep this origin's data (Chromium answers without a prompt, from how the site
 * is used; Firefox may prompt). Called at staff sign-in and when a resident sends a request.
 */
export function askToKeep(storage = browserStorage()): Promise<Keeping> {
  if (!storage?.persist) return Promise.resolve('unknown');
  const ask = storage.persist().then(keepingOf, () => 'unknown' as const);
  asking = ask;
  return ask;
}

/** What the browser has granted, without asking (after any ask in flight has been answered). */
export async function keeping(storage = browserStorage()): Promise<Keeping> {
  if (asking) await asking;
  if (!storage?.persisted) return 'unknown';
  return storage.persisted().then(keepingOf, () => 'unknown' as const);
}

/** True only when the browser gives both figures and usage has reached `nearlyFullShare`. */
export async function isNearlyFull(storage = browserStorage()): Promise<boolean> {
  if (!storage?.estimate) return false;
  try {
    const { usage, quota } = await storage.estimate();
    if (usage === undefined || !quota) return false;
    return usage / quota >= nearlyFullShare;
  } catch {
    return false;
  }
}

/** Both answers, for a page to show. */
export async function deviceStorage(storage = browserStorage()): Promise<DeviceStorage> {
  const [kept, nearlyFull] = await Promise.all([keeping(storage), isNearlyFull(storage)]);
  return { keeping: kept, nearlyFull };
}
