/** The pure reading of replication results and `/db` answers that the sync status rests on. */
import { describe, expect, it } from 'vitest';
import { firstPullCompleted, infoRefusalStatus } from '$lib/staff/sync/status/sync-snapshot.ts';

describe('firstPullCompleted', () => {
  it('is true only for a pull that ran to completion', () => {
    expect(firstPullCompleted({ status: 'complete', ok: true })).toBe(true);
    expect(firstPullCompleted({ status: 'cancelled', ok: true })).toBe(false);
    expect(firstPullCompleted({ status: 'complete', ok: false })).toBe(false);
    expect(firstPullCompleted(undefined)).toBe(false);
  });
});

describe('infoRefusalStatus', () => {
  it('reads the server’s refusal codes, and nothing from a real info', () => {
    expect(infoRefusalStatus({ error: 'account_disabled', reason: 'x' })).toBe(403);
    expect(infoRefusalStatus({ error: 'session_expired', reason: 'x' })).toBe(401);
    expect(infoRefusalStatus({ error: 'unauthorized', reason: 'x' })).toBe(401);
    expect(infoRefusalStatus({ db_name: 'db', doc_count: 3, update_seq: '3' })).toBeUndefined();
    expect(infoRefusalStatus(null)).toBeUndefined();
  });
});
