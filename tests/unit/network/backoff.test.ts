import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '$lib/network/backoff.ts';
import { seededRandom } from '../../support/seeded-random.ts';

const options = { baseMs: 2_000, capMs: 60_000 };
const almostOne = 1 - Number.EPSILON;

describe('backoffDelay', () => {
  it('stays between one second and base·2ⁿ, capped, for any random draw', () => {
    const r = seededRandom(7);
    for (let failures = 0; failures <= 40; failures++) {
      const ceiling = Math.min(options.capMs, options.baseMs * 2 ** failures);
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelay(failures, r.next, options);
        expect(delay).toBeGreaterThanOrEqual(1_000);
        expect(delay).toBeLessThanOrEqual(Math.max(1_000, ceiling));
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it('never retries sooner than a second', () => {
    expect(backoffDelay(0, () => 0, options)).toBe(1_000);
    expect(backoffDelay(5, () => 0, options)).toBe(1_000);
    expect(backoffDelay(0, () => 0.01, { baseMs: 10, capMs: 10 })).toBe(1_000);
  });

  it('grows with each failure until the cap', () => {
    const delays = Array.from({ length: 8 }, (_, n) => backoffDelay(n, () => almostOne, options));
    for (let n = 1; n < delays.length; n++) {
      expect(delays[n]!).toBeGreaterThanOrEqual(delays[n - 1]!);
    }
    // Doubling until the 60 s cap: 2, 4, 8, 16, 32 s, then 60 s.
    expect(delays.slice(0, 5)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(delays.slice(5)).toEqual([60_000, 60_000, 60_000]);
  });

  it('is capped even after very many failures', () => {
    for (const failures of [31, 100, 1e6, Number.MAX_SAFE_INTEGER]) {
      const delay = backoffDelay(failures, () => almostOne, options);
      expect(delay).toBe(options.capMs);
    }
  });

  it('spreads retries out: full jitter, not a fixed delay', () => {
    const r = seededRandom(11);
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelay(6, r.next, options)));
    expect(delays.size).toBeGreaterThan(50);
  });

  it('defaults to a cap of five minutes', () => {
    expect(backoffDelay(50, () => almostOne)).toBe(defaultBackoff.capMs);
    expect(defaultBackoff.capMs).toBe(300_000);
  });
});
