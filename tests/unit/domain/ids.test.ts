import { describe, expect, it } from 'vitest';
import { newId } from '#domain/ids.ts';

describe('newId', () => {
  const ids = Array.from({ length: 2000 }, newId);

  it('makes RFC 4122 version 4 UUIDs', () => {
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('does not repeat itself', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('varies every random hex position', () => {
    // 122 random bits: each non-fixed position takes many values across 2000 ids.
    for (const pos of [0, 9, 15, 20, 35]) {
      expect(new Set(ids.map((id) => id[pos])).size, `position ${pos}`).toBeGreaterThan(8);
    }
  });
});
