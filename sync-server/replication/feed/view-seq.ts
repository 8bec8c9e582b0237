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
 * again at the request's seq (changes-feed.ts). Tokens without one (older devices, `since=now`),
 * or with one the routing index does not know, keep the full re-listing.
 *
 * Sequences are the database's own, carried as they are: PouchDB's are numbers, CouchDB 3's are
 * opaque strings that cannot be compared, so the routing index orders them (routing-index.ts).
 */
import { createHash } from 'node:crypto';
import type { StaffUser } from '#domain/people/users.ts';
import type { DbSeq } from '../routing/index-entry.ts';

export function viewKey(user: StaffUser): string {
  const view = JSON.stringify([user.id, user.role, [...user.areas].sort()]);
  return createHash('sha256').update(view).digest('hex').slice(0, 12);
}

/** Where a device is in its feed: the database sequence it has read up to, and its pass start. */
export type FeedPosition = { seq: DbSeq; passStart: DbSeq };

/** A number as it is; CouchDB 3's opaque sequences as `s` and their base64url. */
const encode = (seq: DbSeq) =>
  typeof seq === 'number' ? String(seq) : `s${Buffer.from(seq).toString('base64url')}`;
const decode = (part: string): DbSeq =>
  part.startsWith('s') ? Buffer.from(part.slice(1), 'base64url').toString() : Number(part);
const isStart = (seq: DbSeq) => seq === 0 || seq === '0';

export const seqToken = (seq: DbSeq, key: string, passStart: DbSeq = 0) =>
  isStart(passStart) ? `${encode(seq)}-${key}` : `${encode(seq)}.${encode(passStart)}-${key}`;

const part = '(\\d{1,15}|s[A-Za-z0-9_-]{1,4000})';
const tokenPattern = new RegExp(`^${part}(?:\\.${part})?-([0-9a-f]{12})$`);

/**
 * The position a `since` names for this view; `now` is the database's current sequence. `now`
 * itself starts there with no pass; anything else not of this view starts a pass from 0 at `now`.
 */
export function parsePosition(since: string | undefined, key: string, now: DbSeq): FeedPosition {
  if (since === 'now') return { seq: now, passStart: 0 };
  const match = tokenPattern.exec(since ?? '');
  if (match?.[1] === undefined || match[3] !== key) return { seq: 0, passStart: now };
  return { seq: decode(match[1]), passStart: match[2] === undefined ? 0 : decode(match[2]) };
}

/** The database sequence a `since` names for this view; `now` is the current one; else 0. */
export function parseSince(since: string | undefined, key: string, now: DbSeq): DbSeq {
  return parsePosition(since, key, now).seq;
}
