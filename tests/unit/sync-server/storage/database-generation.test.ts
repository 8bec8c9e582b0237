/**
 * The replicated database's mark (sync-server/replication/database-generation.ts): one per
 * database, the same to every instance however many ask at once, and a new one once the database
 * has lost it (as a database deleted and made again has).
 */
import { describe, expect, it } from 'vitest';
import { databaseGeneration } from '../../../../sync-server/storage/database-generation.ts';
import { memoryDb } from '../../staff/sync/pouch.ts';

describe('the database generation', () => {
  it('is written once and read back the same, by every caller at once', async () => {
    const db = memoryDb('generation');
    const seen = await Promise.all(Array.from({ length: 5 }, () => databaseGeneration(db)));
    expect(new Set(seen).size).toBe(1);
    expect(await databaseGeneration(db)).toBe(seen[0]);
    // Not a document devices see: no change, no row.
    expect((await db.changes()).results).toEqual([]);
    expect((await db.allDocs()).rows).toEqual([]);
    await db.destroy();
  });

  it('differs for a database without the mark', async () => {
    const first = memoryDb('generation-a');
    const second = memoryDb('generation-b');
    expect(await databaseGeneration(first)).not.toBe(await databaseGeneration(second));
    await Promise.all([first.destroy(), second.destroy()]);
  });
});
