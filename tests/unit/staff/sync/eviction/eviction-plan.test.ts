import { describe, expect, it } from 'vitest';
import {
  endReasonOf,
  idsLeftOnReset,
  idsToRefetch,
  planEvictionCycle,
} from '$lib/staff/sync/eviction/eviction-plan.ts';

const ok = (body: unknown) => ({ status: 200, body });

describe('planEvictionCycle', () => {
  it('purges the listed ids once, then moves the token on', () => {
    const plan = planEvictionCycle(
      ok({ ids: ['request:a', 'contact:a', 'request:a'], last_seq: '9-k' }),
      0,
    );
    expect(plan).toEqual({ kind: 'purge', ids: ['request:a', 'contact:a'], next: '9-k' });
  });

  it('moves the token on even when nothing left the view', () => {
    expect(planEvictionCycle(ok({ ids: [], last_seq: '10-k' }), 0)).toEqual({
      kind: 'purge',
      ids: [],
      next: '10-k',
    });
  });

  it('resets when the view changed', () => {
    expect(planEvictionCycle(ok({ reset: true, ids: [], last_seq: '11-n' }), 0)).toEqual({
      kind: 'reset',
      next: '11-n',
    });
  });

  it('reconciles as a reset on a device’s first cycle, which had no token to ask from', () => {
    expect(planEvictionCycle(ok({ ids: ['request:a'], last_seq: '12-k' }), 0, false)).toEqual({
      kind: 'reset',
      next: '12-k',
    });
  });

  it('waits, token unchanged, while changes are waiting to upload', () => {
    expect(planEvictionCycle(ok({ ids: ['request:a'], last_seq: '9-k' }), 2)).toEqual({
      kind: 'wait',
    });
    expect(planEvictionCycle(ok({ reset: true, ids: [], last_seq: '9-k' }), 1)).toEqual({
      kind: 'wait',
    });
  });

  it('ends access on 401 and 403, unsent changes or not', () => {
    expect(planEvictionCycle({ status: 401 }, 3)).toEqual({ kind: 'end', reason: 'session-ended' });
    expect(planEvictionCycle({ status: 403, body: { error: 'account_disabled' } }, 3)).toEqual({
      kind: 'end',
      reason: 'disabled',
    });
  });

  it('does nothing on no signal, a server error or an answer of the wrong shape', () => {
    for (const reply of [
      { status: 0 },
      { status: 500, body: { error: 'x' } },
      ok(null),
      ok({ ids: 'request:a', last_seq: '1-k' }),
      ok({ ids: [1], last_seq: '1-k' }),
      ok({ ids: [], last_seq: 1 }),
      ok({ ids: [], last_seq: '1-k', reset: 'yes' }),
    ]) {
      expect(planEvictionCycle(reply, 0)).toEqual({ kind: 'skip' });
    }
  });
});

describe('endReasonOf', () => {
  it('names only the statuses that end access', () => {
    expect(endReasonOf(401)).toBe('session-ended');
    expect(endReasonOf(403)).toBe('disabled');
    for (const s of [undefined, 0, 200, 404, 413, 500]) expect(endReasonOf(s)).toBeNull();
  });
});

describe('idsLeftOnReset', () => {
  it('drops what the server no longer lists, never local documents', () => {
    const local = ['request:b', 'request:a', 'contact:a', '_local/x', 'request:a'];
    const remote = ['request:a', 'request:c'];
    expect(idsLeftOnReset(local, remote)).toEqual(['contact:a', 'request:b']);
  });
});

describe('idsToRefetch', () => {
  it('fetches again only purged ids the pull wrote meanwhile', () => {
    expect(idsToRefetch(['request:b', 'request:a'], new Set(['request:a', 'request:c']))).toEqual([
      'request:a',
    ]);
    expect(idsToRefetch([], new Set(['request:a']))).toEqual([]);
  });
});
