/**
 * The references this device holds for calls taken with no signal (#domain/intake/reference-pool.ts):
 * kept in a `_local` document of the replica, so they survive reloads and leave with the replica
 * at sign-out, and never replicate. `topUp` asks the server for the device's pool while online,
 * saying which references were used since; `takeReference` gives one out per call, once.
 */
import { newId } from '#domain/ids.ts';
import { maxUsedReported, type PoolAnswer } from '#domain/intake/reference-pool.ts';
import { referencePoolId } from '../sync/replica/local-doc-ids.ts';

type PoolDoc = { _id: string; _rev?: string; device: string; free: string[]; used: string[] };

export type Pool = Pick<PoolDoc, 'free' | 'used'>;

const isConflict = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { status?: unknown }).status === 409;

async function read(db: PouchDB.Database): Promise<PoolDoc> {
  try {
    return await db.get<PoolDoc>(referencePoolId);
  } catch {
    return { _id: referencePoolId, device: newId(), free: [], used: [] };
  }
}

/** Re-reads and applies `change` until it is written over what it read (another tab may write). */
async function update(db: PouchDB.Database, change: (doc: PoolDoc) => PoolDoc): Promise<PoolDoc> {
  for (let attempt = 1; ; attempt++) {
    const next = change(await read(db));
    try {
      await db.put(next);
      return next;
    } catch (e) {
      if (!isConflict(e) || attempt >= 5) throw e;
    }
  }
}

export async function readPool(db: PouchDB.Database): Promise<Pool> {
  const { free, used } = await read(db);
  return { free, used };
}

/**
 * Asks the server for this device's pool; false when it could not be reached or refused (offline,
 * session over), and the pool stays as it was. References used meanwhile on this device are never
 * given out again, whatever the answer crossing with them says.
 */
export async function topUp(db: PouchDB.Database, origin = ''): Promise<boolean> {
  const { device, used } = await read(db);
  let answer: PoolAnswer;
  try {
    const response = await fetch(`${origin}/api/staff/references`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ device, used: used.slice(-maxUsedReported) }),
    });
    if (!response.ok) return false;
    answer = (await response.json()) as PoolAnswer;
  } catch {
    return false;
  }
  await update(db, (doc) => ({
    ...doc,
    free: answer.references.filter((r) => !doc.used.includes(r)),
    used: doc.used.slice(-maxUsedReported),
  }));
  return true;
}

/** The next free reference, now used; null when the pool is empty. */
export async function takeReference(db: PouchDB.Database): Promise<string | null> {
  let taken: string | null = null;
  await update(db, (doc) => {
    taken = doc.free[0] ?? null;
    if (taken === null) return doc;
    return { ...doc, free: doc.free.slice(1), used: [...doc.used, taken].slice(-maxUsedReported) };
  });
  return taken;
}
