/**
 * Read models filled by the real changes feed from real PouchDB documents, deleted after each test.
 * A test file imports `fake-indexeddb/auto` first: Dexie looks for IndexedDB when it is imported.
 */
import { afterEach } from 'vitest';
import { ReadModelDb, catchUp } from '$lib/staff/data/model/read-model.ts';
import { memoryDb } from '../sync/pouch.ts';

/**
 * Call at the top of a test file; the function it returns makes a model holding `docs`, with the
 * PouchDB database it was fed from (to write more and catch up again).
 */
export function readModelsWithDb(
  prefix: string,
): (docs: object[]) => Promise<{ db: PouchDB.Database; model: ReadModelDb }> {
  let n = 0;
  const open: ReadModelDb[] = [];
  afterEach(async () => {
    for (const m of open.splice(0)) await m.delete();
  });
  return async (docs) => {
    const db = memoryDb();
    const model = new ReadModelDb(`${prefix}-${++n}`);
    open.push(model);
    await db.bulkDocs(docs);
    await catchUp(db, model);
    return { db, model };
  };
}

/** As `readModelsWithDb`, when a test needs only the model. */
export function readModels(prefix: string): (docs: object[]) => Promise<ReadModelDb> {
  const make = readModelsWithDb(prefix);
  return async (docs) => (await make(docs)).model;
}
