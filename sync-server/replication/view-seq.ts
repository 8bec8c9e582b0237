/**
 * The sequence tokens a user's filtered `_changes` feed hands out: `<server seq>-<view key>`.
 * The view key is a digest of what decides the user's view (who they are, their role, their areas).
 * When an admin changes those, every checkpoint the device holds names an old view and is read as
 * `0`: the next sync rescans from the start, so documents the new view adds reach the device even
 * though none of them changed (PouchDB keeps `since` opaque, as CouchDB's own tokens are).
 */
import { createHash } from 'node:crypto';
import type { StaffUser } from '#domain/staff/users.ts';

export function viewKey(user: StaffUser): string {
  const view = JSON.stringify([user.id, user.role, [...user.areas].sort()]);
  return createHash('sha256').update(view).digest('hex').slice(0, 12);
}

export const seqToken = (seq: number, key: string) => `${seq}-${key}`;

/** The server seq a `since` names for this view; `now` is the current seq; anything else is 0. */
export function parseSince(since: string | undefined, key: string, now: number): number {
  if (since === 'now') return now;
  const match = /^(\d{1,15})-([0-9a-f]{12})$/.exec(since ?? '');
  if (match?.[1] === undefined || match[2] !== key) return 0;
  return Math.min(Number(match[1]), now);
}
