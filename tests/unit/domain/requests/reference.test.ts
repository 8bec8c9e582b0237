import { describe, expect, it } from 'vitest';
import {
  formatReference,
  makeReference,
  parseReference,
  referenceLength,
} from '#domain/requests/reference.ts';
import { seededRandom } from '../../../support/seeded-random.ts';

const r = seededRandom(482173905);
const randomDigit = () => r.int(10);
const references = Array.from({ length: 1000 }, () => makeReference(randomDigit));

describe('makeReference', () => {
  it('makes nine digits that parseReference accepts as they are', () => {
    for (const ref of references) {
      expect(ref).toMatch(/^\d{9}$/);
      expect(parseReference(ref)).toBe(ref);
    }
    expect(referenceLength).toBe(9);
  });

  it('uses the random digits it is given for the first eight', () => {
    const digits = [4, 8, 2, 1, 7, 3, 9, 0];
    let i = 0;
    expect(makeReference(() => digits[i++]!).slice(0, 8)).toBe('48217390');
  });

  it('spreads over the digits rather than repeating one reference', () => {
    expect(new Set(references).size).toBeGreaterThan(990);
  });
});

describe('parseReference catches slips when a reference is typed back', () => {
  it('refuses every single-digit change', () => {
    const accepted: string[] = [];
    for (const ref of references) {
      for (let pos = 0; pos < ref.length; pos++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === ref[pos]) continue;
          const typo = ref.slice(0, pos) + String(d) + ref.slice(pos + 1);
          if (parseReference(typo) !== null) accepted.push(`${ref} → ${typo}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('refuses every swap of two different neighbouring digits', () => {
    const accepted: string[] = [];
    let swaps = 0;
    for (const ref of references) {
      for (let pos = 0; pos < ref.length - 1; pos++) {
        if (ref[pos] === ref[pos + 1]) continue;
        swaps++;
        const swapped = ref.slice(0, pos) + ref[pos + 1] + ref[pos] + ref.slice(pos + 2);
        if (parseReference(swapped) !== null) accepted.push(`${ref} → ${swapped}`);
      }
    }
    expect(swaps).toBeGreaterThan(7000);
    expect(accepted).toEqual([]);
  });

  it('refuses the wrong length and anything but digits', () => {
    const ref = references[0]!;
    expect(parseReference(ref.slice(0, 8))).toBeNull();
    expect(parseReference(`${ref}0`)).toBeNull();
    expect(parseReference('')).toBeNull();
    expect(parseReference(`${ref.slice(0, 4)}x${ref.slice(5)}`)).toBeNull();
    expect(parseReference('٤٨٢١٧٣٩٠٥')).toBeNull();
  });
});

describe('parseReference accepts what people type', () => {
  it('with spaces, dashes or a leading #', () => {
    for (const ref of references.slice(0, 50)) {
      const spaced = formatReference(ref);
      expect(parseReference(spaced)).toBe(ref);
      expect(parseReference(` ${spaced.replaceAll(' ', '-')} `)).toBe(ref);
      expect(parseReference(`#${ref}`)).toBe(ref);
    }
  });
});

describe('formatReference', () => {
  it('groups the digits in threes for reading aloud', () => {
    expect(formatReference('482173905')).toBe('482 173 905');
  });
});
