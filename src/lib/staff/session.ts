/**
 * Staff sign-in on this device. The server's session cookie (HttpOnly) is what authorises sync; the
 * signed-in account is also kept in localStorage so that Cymorth opens, and work goes on, with no
 * signal (the server still refuses anything once the session ends or the account is disabled).
 */
import { isApiError } from '#domain/api-errors.ts';

export type StaffAccount = {
  username: string;
  display_name: string;
  role: 'admin' | 'coordinator' | 'volunteer';
  areas: string[];
};

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

export async function signIn(
  username: string,
  password: string,
): Promise<{ ok: true; account: StaffAccount } | { ok: false; failure: SignInFailure }> {
  let response: Response;
  try {
    response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: username.trim().toLowerCase(), password }),
    });
  } catch {
    return { ok: false, failure: navigator.onLine ? 'failed' : 'offline' };
  }
  const body: unknown = await response.json().catch(() => null);
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
}
