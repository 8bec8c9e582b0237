import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadModelDb, catchUp, rebuild, removeRows } from '$lib/staff/data/model/read-model.ts';
import { retriage } from '$lib/staff/data/model/retriage.ts';
import { readTallies, tallyKey } from '$lib/staff/data/model/tallies.ts';
import { contactFor, request, testUuid } from '../../../../support/factories.ts';
import { memoryDb } from '../../sync/pouch.ts';

let n = 0;
const open: ReadModelDb[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2030-01-10T12:00:00.000Z'));
});
afterEach(async () => {
  vi.useRealTimers();
  for (const m of open.splice(0)) await m.delete();
});

/** The tallies the rows themselves give, counted the slow way. */
async function counted(model: ReadModelDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const row of await model.requests.toArray()) {
    const key = tallyKey(row);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

async function stored(model: ReadModelDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { n, ...t } of await readTallies(model)) out[tallyKey(t)] = n;
  return out;
}

const statuses = ['new', 'triaged', 'assigned', 'done', 'cancelled'] as const;
const edit = fc.record({
  pick: fc.nat(),
  status: fc.constantFrom(...statuses),
  urgency: fc.constantFrom('low', 'medium', 'high'),
  kind: fc.constantFrom('food', 'prescription'),
  area: fc.constantFrom('ceredigion', 'powys'),
  remove: fc.boolean(),
  needed_by: fc.constantFrom('2030-01-08', '2030-01-15'),
});

describe('tallies', () => {
  it('always equal the rows they count, through edits, deletions, purges, new days and rebuilds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), async (edits) => {
        const db = memoryDb();
        const model = new ReadModelDb(`tallies-${++n}`);
        open.push(model);
        const docs = Array.from({ length: 6 }, () => request());
        await db.bulkDocs([...docs, ...docs.slice(0, 3).map(contactFor)]);
        await catchUp(db, model);
        for (const e of edits) {
          const id = docs[e.pick % docs.length]!._id;
          const current = await db.get(id).catch(() => null);
          if (current === null) continue;
          if (e.remove && e.pick % 5 === 0) await db.remove(current);
          else {
            const held = e.status === 'assigned' || e.status === 'done';
            await db.put({
              ...current,
              status: e.status,
              urgency: e.urgency,
              kind: e.kind,
              area: e.area,
              needed_by: e.needed_by,
              assignee: held ? testUuid(42) : null,
            });
          }
          if (e.pick % 7 === 0) await removeRows(model, [id]);
          await catchUp(db, model);
          expect(await stored(model)).toEqual(await counted(model));
        }
        vi.setSystemTime(new Date('2030-01-20T12:00:00.000Z'));
        await retriage(model, new Date().toISOString());
        expect(await stored(model)).toEqual(await counted(model));
        await rebuild(db, model);
        expect(await stored(model)).toEqual(await counted(model));
      }),
      { numRuns: 15 },
    );
  });
});
