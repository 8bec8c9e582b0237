/**
 * Duplicate detection over random pools of requests drawn from few phones, addresses, names and
 * days, so that matches are common: flags come in pairs with the same fields, the indexed search
 * finds exactly what comparing every pair finds, and nothing more than 14 days apart is flagged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allDuplicates,
  duplicatesOf,
  sharedFields,
  withinWindow,
} from '#domain/duplicates/detect.ts';
import type { DuplicateCandidate } from '#domain/duplicates/duplicate-keys.ts';

const maybe = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: null });

const candidate = (i: number) =>
  fc
    .record({
      phone: maybe(['07700900001', '07700900002', '01970123456']),
      address: maybe(['SA31 1AA|1 high street', 'CF10 1AA|2 heol y felin']),
      name_postcode: maybe(['SA31 1AA|sian', 'CF10 1AA|rhys']),
      day: fc.integer({ min: 0, max: 40 }),
      hour: fc.integer({ min: 0, max: 23 }),
    })
    .map(({ day, hour, ...keys }): DuplicateCandidate => ({
      id: `request:${String(i).padStart(4, '0')}`,
      reference: String(100_000_000 + i),
      created_at: new Date(Date.UTC(2030, 0, 1 + day, hour)).toISOString(),
      keys,
    }));

const pool = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidate(i))));

describe('duplicate detection (properties)', () => {
  it('flags both of a pair, with the same fields', () => {
    fc.assert(
      fc.property(pool, (cs) => {
        for (const a of cs)
          for (const m of duplicatesOf(a, cs)) {
            const b = cs.find((c) => c.id === m.id)!;
            const back = duplicatesOf(b, cs).find((x) => x.id === a.id);
            expect(back?.fields).toEqual(m.fields);
          }
      }),
    );
  });

  it('finds through its key maps exactly what comparing every pair finds', () => {
    fc.assert(
      fc.property(pool, (cs) => {
        const flagged = allDuplicates(cs);
        for (const a of cs) {
          const expected = cs
            .filter((b) => b.id !== a.id && withinWindow(a, b) && sharedFields(a, b).length > 0)
            .map((b) => b.id)
            .sort();
          expect((flagged.get(a.id) ?? []).map((m) => m.id).sort()).toEqual(expected);
        }
      }),
    );
  });

  it('never flags requests more than 14 days apart, nor ones sharing no key', () => {
    fc.assert(
      fc.property(pool, (cs) => {
        for (const [id, matches] of allDuplicates(cs)) {
          const a = cs.find((c) => c.id === id)!;
          for (const m of matches) {
            const b = cs.find((c) => c.id === m.id)!;
            const apart = Math.abs(Date.parse(a.created_at) - Date.parse(b.created_at));
            expect(apart).toBeLessThanOrEqual(14 * 86_400_000);
            expect(m.fields.length).toBeGreaterThan(0);
            for (const f of m.fields) expect(a.keys[f]).toBe(b.keys[f]);
          }
        }
      }),
    );
  });
});
