/**
 * Staff sign-in on this device. The server's session cookie (HttpOnly) is what authorises sync; the
 * signed-in account is also kept in localStorage so that Cymorth opens, and work goes on, with no
 * signal (the server still refuses anything once the session ends or the account is disabled).
 * The server's answer carries `user_id`, the id documents name this person by, and it is kept with
 * the account, so work screens, and the device's databases named by it, have it offline too.
 */
import { isApiError } from '#domain/api-errors.ts';
import { normaliseUsername, type StaffRole } from '#domain/people/account-rules.ts';
import { intakeDraftKey } from './intake/draft-key.ts';
import { forgetStaffNames } from './data/staff-names.ts';

export type StaffAccount = {
  username: string;
  display_name: string;
  role: StaffRole;
  areas: string[];
  /** Missing only on a device signed in before the session answer carried it. */
  user_id?: string;
};

export type IdentifiedAccount = StaffAccount & { user_id: string };

export type SignInFailure =
  'invalid_credentials' | 'rate_limited' | 'account_disabled' | 'offline' | 'failed';

const accountKey = 'cymorth.staff.account';

export function signedInAccount(): StaffAccount | null {
  try {
    const saved = localStorage.getItem(accountKey);
    return saved ? (JSON.parse(saved) as StaffAccount) : null;
  } catch {
    return null;
  }
}

const isSessionAnswer = (body: unknown): body is IdentifiedAccount =>
  typeof body === 'object' &&
  body !== null &&
  'username' in body &&
  'user_id' in body &&
  typeof body.user_id === 'string';

/**
 * The signed-in account with its user id: as saved, or, for an account saved without one, as the
 * server answers `GET /api/session` for the same username (then saved). Null when nobody is signed
 * in here, or when the id is missing and the server cannot be asked (no signal, session over: the
 * replication deals with an ended session).
 */
export async function accountWithId(): Promise<IdentifiedAccount | null> {
  const saved = signedInAccount();
  if (!saved) return null;
  if (saved.user_id !== undefined) return { ...saved, user_id: saved.user_id };
  const body: unknown = await fetch('/api/session')
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  if (!isSessionAnswer(body) || body.username !== saved.username) return null;
  localStorage.setItem(accountKey, JSON.stringify(body));
  return body;
}

export async function signIn(
  username: string,
  password: string,
): Promise<{ ok: true; account: StaffAccount } | { ok: false; failure: SignInFailure }> {
  let response: Response;
  try {
    response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: normaliseUsername(username), password }),
    });
  } catch {
    return { ok: false, failure: navigator.onLine ? 'failed' : 'offline' };
  }
  const body: unknown = await response.json().catch(() => null);
  // An answer without `user_id` (an older server instance, mid-upgrade) still signs in: the work
  // screens ask for the id when they open (`accountWithId`).
  if (response.ok && body && typeof body === 'object' && 'username' in body) {
    const account = body as StaffAccount;
    localStorage.setItem(accountKey, JSON.stringify(account));
    return { ok: true, account };
  }
  const code = isApiError(body) ? body.error : '';
  const known: SignInFailure[] = ['invalid_credentials', 'rate_limited', 'account_disabled'];
  return { ok: false, failure: known.find((k) => k === code) ?? 'failed' };
}

/** Ends the session on the server (when reachable) and forgets the account on this device. */
export async function signOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE' }).catch(() => undefined);
  localStorage.removeItem(accountKey);
  // A call half taken holds the caller's details: it goes with the account.
  localStorage.removeItem(intakeDraftKey);
  forgetStaffNames();
}
