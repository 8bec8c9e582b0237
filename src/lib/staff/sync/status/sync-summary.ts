/**
 * What the sync status says, in one state, from a snapshot (issue 9, "Sync status that tells the
 * truth"). Pure, so the rules are tested once and every view (the one-line status on each staff
 * page, the panel on the staff home page) says the same:
 *
 * - Offline is a state, not an error: with no connection the replication fails every try, and
 *   that failure is expected; it is shown as "offline, N waiting", never "sync is not working".
 * - Refused changes come first once online: they will never upload by themselves.
 * - "All changes sent" only when the upload count says everything is on the server.
 * - How long ago it last synced, in whole minutes, hours, or the date and time when older.
 */
import type { SyncSnapshot } from './sync-snapshot.ts';

export type SyncState =
  | { state: 'first_sync'; done: number; total?: number }
  | { state: 'offline'; pending: number }
  | { state: 'refused'; refused: number }
  | { state: 'failing'; pending: number }
  | { state: 'waiting'; pending: number }
  | { state: 'all_sent' }
  /** Online, nothing known to be waiting, not yet confirmed (the first count is under way). */
  | { state: 'checking' };

export function syncState(s: SyncSnapshot): SyncState {
  if (!s.online) return { state: 'offline', pending: s.pendingUploads };
  if (!s.initialSync.finished && !s.error) {
    const { done, total } = s.initialSync;
    // The server's figure is what it held when the sync began; what changed meanwhile comes too.
    return total === undefined
      ? { state: 'first_sync', done }
      : { state: 'first_sync', done, total: Math.max(total, done) };
  }
  if (s.denied.length > 0) return { state: 'refused', refused: s.denied.length };
  if (s.error) return { state: 'failing', pending: s.pendingUploads };
  if (s.everythingOnServer) return { state: 'all_sent' };
  return s.pendingUploads > 0
    ? { state: 'waiting', pending: s.pendingUploads }
    : { state: 'checking' };
}

export type SyncedAgo =
  | { key: 'never' }
  | { key: 'just_now' }
  | { key: 'minutes_ago'; count: number }
  | { key: 'hours_ago'; count: number }
  | { key: 'at'; at: string };

/**
 * How long ago `lastSyncedAt` was, at `now`. A time ahead of `now` (another device's clock, a
 * clock set back) is "just now", never a negative age.
 */
export function syncedAgo(lastSyncedAt: string | null, now: Date): SyncedAgo {
  if (lastSyncedAt === null) return { key: 'never' };
  const minutes = Math.floor((now.getTime() - new Date(lastSyncedAt).getTime()) / 60_000);
  if (!Number.isFinite(minutes)) return { key: 'never' };
  if (minutes < 1) return { key: 'just_now' };
  if (minutes < 60) return { key: 'minutes_ago', count: minutes };
  if (minutes < 24 * 60) return { key: 'hours_ago', count: Math.floor(minutes / 60) };
  return { key: 'at', at: lastSyncedAt };
}
