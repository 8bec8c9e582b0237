/** What the replicator does after a run ends (src/lib/staff/sync/replicator/retry.ts). */
import { describe, expect, it } from 'vitest';
import { describeError, Retry } from '$lib/staff/sync/replicator/retry.ts';

const failure = (status?: number) =>
  Object.assign(new Error(`failed${status ?? ''}`), status ? { status } : {});

describe('Retry', () => {
  it('stops for good on 401 and 403, whatever the batch', () => {
    const retry = new Retry(() => 1);
    expect(retry.after(failure(401), 1000)).toEqual({ ended: 'session-ended' });
    expect(retry.after(failure(403), 1)).toEqual({ ended: 'disabled' });
    // PouchDB wraps some errors: the status inside counts too.
    expect(retry.after({ error: failure(403) }, 10)).toEqual({ ended: 'disabled' });
  });

  it('halves the batch at once on 413, down to one document, then backs off', () => {
    const retry = new Retry(() => 1);
    expect(retry.after(failure(413), 1000)).toEqual({ ended: null, batchSize: 500, delay: 0 });
    expect(retry.after(failure(413), 3)).toEqual({ ended: null, batchSize: 1, delay: 0 });
    // A single document too large: halving cannot help, so it is a failure like any other.
    expect(retry.after(failure(413), 1)).toEqual({ ended: null, batchSize: 1, delay: 4_000 });
  });

  it('starts again at once after a run that ended without error (cancelled, back online)', () => {
    const retry = new Retry(() => 1);
    expect(retry.after(undefined, 250)).toEqual({ ended: null, batchSize: 250, delay: 0 });
  });

  it('backs off longer after each failure, with jitter, and afresh once woken', async () => {
    const retry = new Retry(() => 1); // the top of each jitter range
    expect(retry.after(failure(), 100).ended).toBeNull();
    expect(retry.after(failure(500), 100)).toMatchObject({ delay: 8_000 });
    expect(retry.after(failure(), 100)).toMatchObject({ delay: 16_000 });
    const woken = retry.wait(60_000);
    retry.wake(); // back online
    await woken;
    expect(retry.after(failure(), 100)).toMatchObject({ delay: 4_000 });
    const halfway = new Retry(() => 0.5);
    expect(halfway.after(failure(), 100)).toMatchObject({ delay: 2_000 });
  });

  it('says what failed', () => {
    expect(describeError(failure(500))).toBe('failed500');
    expect(describeError('offline')).toBe('offline');
  });
});
