/**
 * The sequence tokens a user's filtered `_changes` feed hands out: `<server seq>-<view key>`, or
 * `<server seq>.<pass start>-<view key>` once the device has read the feed from the start.
 * The view key is a digest of what decides the user's view (who they are, their role, their areas).
 * When an admin changes those, every checkpoint the device holds names an old view and is read as
 * `0`: the next sync rescans from the start, so documents the new view adds reach the device even
 * though none of them changed (PouchDB keeps `since` opaque, as CouchDB's own tokens are).
 *
 * The pass start is the server seq when that read from the start began. A request whose last
 * change is at or before it has not changed since the device's pass began, so every child of it
 * the device was shown was judged against the request as it is now: the feed need not list them
 * again at the request's seq (changes-feed.ts). Tokens without one (older devices, `since=now`)
 * keep the full re-listing.
 */
import { createHash } from 'node:crypto';
import type { StaffUser } from '#domain/staff/users.ts';

export function viewKey(user: StaffUser): string {
  const view = JSON.stringify([user.id, user.role, [...user.areas].sort()]);
  return createHash('sha256').update(view).digest('hex').slice(0, 12);
}

/** Where a device is in its feed: the server seq it has read up to, and its pass start (or 0). */
export type FeedPosition = { seq: number; passStart: number };

export const seqToken = (seq: number, key: string, passStart = 0) =>
  passStart > 0 ? `${seq}.${passStart}-${key}` : `${seq}-${key}`;

const tokenPattern = /^(\d{1,15})(?:\.(\d{1,15}))?-([0-9a-f]{12})$/;

/**
 * The position a `since` names for this view; `now` is the current seq. `now` itself starts at
 * the current seq with no pass; anything else not of this view starts a pass from 0 at `now`.
 */
export function parsePosition(since: string | undefined, key: string, now: number): FeedPosition {
  if (since === 'now') return { seq: now, passStart: 0 };
  const match = tokenPattern.exec(since ?? '');
  if (match?.[1] === undefined || match[3] !== key) return { seq: 0, passStart: now };
  return {
    seq: Math.min(Number(match[1]), now),
    passStart: Math.min(Number(match[2] ?? 0), now),
  };
}

/** The server seq a `since` names for this view; `now` is the current seq; anything else is 0. */
export function parseSince(since: string | undefined, key: string, now: number): number {
  return parsePosition(since, key, now).seq;
}
