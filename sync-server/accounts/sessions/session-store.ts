/**
 * Sessions in the server-only database, so every server instance sees the same ones. The token
 * lives only in the user's cookie; the database keeps its SHA-256 (`session:<hex>`), so a copy of
 * the database does not sign anyone in. 32 random bytes make guessing hopeless, which is why a
 * plain hash (not a slow KDF) is enough here.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MutableDocStore } from '../../storage/storage.ts';
import { toSignedInUser, accountDocId, type AccountDoc, type SignedInUser } from '../account.ts';

export type SessionDoc = {
  _id: string;
  _rev?: string;
  type: 'session';
  username: string;
  session_generation: number;
  created_at: string;
  last_seen_at: string;
};

export type SessionTimeouts = { idleMs: number; maxMs: number };

export type SessionCheck =
  | { kind: 'signed_in'; user: SignedInUser }
  /** No cookie, a malformed or unknown token, or a session ended by a password reset. */
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'disabled' };

/** `last_seen_at` is written at most this often, so a busy device is not a write per request. */
export const touchIntervalMs = 60_000;

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export const newSessionToken = () => randomBytes(32).toString('base64url');

export const sessionDocId = (token: string) =>
  `session:${createHash('sha256').update(token, 'utf8').digest('hex')}`;

export async function createSession(store: MutableDocStore, account: AccountDoc, now: Date) {
  const token = newSessionToken();
  const doc: SessionDoc = {
    _id: sessionDocId(token),
    type: 'session',
    username: account.username,
    session_generation: account.session_generation,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
  };
  if ((await store.putIfAbsent(doc)) === 'exists') throw new Error('Session token collision');
  return token;
}

export async function endSession(store: MutableDocStore, token: string | null) {
  if (token !== null && tokenPattern.test(token)) await store.remove(sessionDocId(token));
}

/**
 * Who holds this token, read fresh from the database on every call: a disabled account is refused
 * on its very next request, on every instance. A session found dead is deleted on the spot.
 */
export async function checkSession(
  store: MutableDocStore,
  token: string | null,
  timeouts: SessionTimeouts,
  now: Date,
): Promise<SessionCheck> {
  if (token === null || !tokenPattern.test(token)) return { kind: 'none' };
  const session = await store.get<SessionDoc>(sessionDocId(token));
  if (session === null) return { kind: 'none' };

  const dead = async (check: SessionCheck) => {
    await store.remove(session._id);
    return check;
  };
  const at = now.getTime();
  const isIdle = at - Date.parse(session.last_seen_at) >= timeouts.idleMs;
  const isTooOld = at - Date.parse(session.created_at) >= timeouts.maxMs;
  if (isIdle || isTooOld) return dead({ kind: 'expired' });

  const account = await store.get<AccountDoc>(accountDocId(session.username));
  if (account === null) return dead({ kind: 'none' });
  if (account.disabled) return dead({ kind: 'disabled' });
  if (account.session_generation !== session.session_generation) return dead({ kind: 'none' });

  if (at - Date.parse(session.last_seen_at) >= touchIntervalMs && session._rev) {
    // A conflict means another request or instance touched it just now: as good as ours.
    await store.replace({ ...session, _rev: session._rev, last_seen_at: now.toISOString() });
  }
  return { kind: 'signed_in', user: toSignedInUser(account) };
}
