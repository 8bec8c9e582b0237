/** The one state the sync status shows, and how long ago it last synced (sync-summary.ts). */
import { describe, expect, it } from 'vitest';
import { initialSnapshot, type SyncSnapshot } from '$lib/staff/sync/status/sync-snapshot.ts';
import { syncedAgo, syncState } from '$lib/staff/sync/status/sync-summary.ts';

const synced = (patch: Partial<SyncSnapshot> = {}): SyncSnapshot => ({
  ...initialSnapshot(),
  initialSync: { done: 40, total: 40, finished: true },
  ...patch,
});

describe('syncState', () => {
  it('shows offline as a state with what is waiting, never as a failure', () => {
    const failedTry = synced({ online: false, error: 'Failed to fetch', pendingUploads: 3 });
    expect(syncState(failedTry)).toEqual({ state: 'offline', pending: 3 });
    expect(syncState(synced({ online: false, everythingOnServer: true }))).toEqual({
      state: 'offline',
      pending: 0,
    });
  });

  it('shows a failure only when the device is online', () => {
    expect(syncState(synced({ error: 'Bad gateway', pendingUploads: 2 }))).toEqual({
      state: 'failing',
      pending: 2,
    });
  });

  it('says everything is sent only when the upload count says so', () => {
    expect(syncState(synced({ everythingOnServer: true }))).toEqual({ state: 'all_sent' });
    expect(syncState(synced({ pendingUploads: 4 }))).toEqual({ state: 'waiting', pending: 4 });
    expect(syncState(synced())).toEqual({ state: 'checking' });
  });

  it('puts refused changes before everything else once online', () => {
    const denied = [{ id: 'request:1', reason: 'outside_your_areas' }];
    expect(syncState(synced({ denied, pendingUploads: 1, error: 'x' }))).toEqual({
      state: 'refused',
      refused: 1,
    });
  });

  it('shows the first sync with the server’s total, never less than what came', () => {
    const first = (initialSync: SyncSnapshot['initialSync']) => synced({ initialSync });
    expect(syncState(first({ done: 10, total: 200, finished: false }))).toEqual({
      state: 'first_sync',
      done: 10,
      total: 200,
    });
    expect(syncState(first({ done: 205, total: 200, finished: false }))).toMatchObject({
      total: 205,
    });
    expect(syncState(first({ done: 10, finished: false }))).toEqual({
      state: 'first_sync',
      done: 10,
    });
    // A first sync that fails online is a failure, shown as one.
    expect(syncState(synced({ initialSync: { done: 0, finished: false }, error: 'x' }))).toEqual({
      state: 'failing',
      pending: 0,
    });
  });
});

describe('syncedAgo', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  it('is in whole minutes, then hours, then the time itself', () => {
    expect(syncedAgo(null, now)).toEqual({ key: 'never' });
    expect(syncedAgo(ago(59_000), now)).toEqual({ key: 'just_now' });
    expect(syncedAgo(ago(2 * 60_000 + 5_000), now)).toEqual({ key: 'minutes_ago', count: 2 });
    expect(syncedAgo(ago(59 * 60_000), now)).toEqual({ key: 'minutes_ago', count: 59 });
    expect(syncedAgo(ago(3 * 3600_000 + 1), now)).toEqual({ key: 'hours_ago', count: 3 });
    const old = ago(25 * 3600_000);
    expect(syncedAgo(old, now)).toEqual({ key: 'at', at: old });
  });

  it('never gives a negative age for a time ahead of the clock', () => {
    expect(syncedAgo(new Date(now.getTime() + 120_000).toISOString(), now)).toEqual({
      key: 'just_now',
    });
    expect(syncedAgo('not a date', now)).toEqual({ key: 'never' });
  });
});
