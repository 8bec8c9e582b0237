/** How long a request waits before its points are tried again: doubling, capped, jittered. */
import { describe, expect, it } from 'vitest';
import { defaultBackoff, retryDelayMs } from '../../../../sync-server/geo/pending.ts';

describe('retry delays', () => {
  const middle = () => 0.5;

  it('double from the base and stop at the cap', () => {
    const delays = [1, 2, 3, 4].map((n) => retryDelayMs(n, defaultBackoff, middle));
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(20, defaultBackoff, middle)).toBe(defaultBackoff.capMs);
  });

  it('spread by a quarter either way, so instances do not retry in step', () => {
    expect(retryDelayMs(1, defaultBackoff, () => 0)).toBe(3_750);
    expect(retryDelayMs(1, defaultBackoff, () => 0.999999)).toBeLessThanOrEqual(6_250);
  });

  it('add up to a bounded wait before giving up', () => {
    let total = 0;
    for (let n = 1; n < defaultBackoff.maxAttempts; n++)
      total += retryDelayMs(n, defaultBackoff, middle);
    expect(total).toBeLessThan(4 * 3_600_000);
  });
});
