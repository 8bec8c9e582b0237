import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountWithId, signIn, signedInAccount } from '$lib/staff/session.ts';

/** Node has no localStorage: a Map behind the Storage calls session.ts makes. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

const key = 'cymorth.staff.account';
const answer = {
  username: 'alun',
  display_name: 'Alun Jones',
  role: 'coordinator',
  areas: ['gwynedd'],
  user_id: '3f2b6c1e-8d4a-8a1b-9c2d-0e1f2a3b4c5d',
};
/** As a device signed in before the session answer carried `user_id` saved it. */
const legacy = {
  username: 'alun',
  display_name: 'Alun Jones',
  role: 'coordinator',
  areas: ['gwynedd'],
};
const json = (body: unknown, status = 200) => Promise.resolve(Response.json(body, { status }));

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('the user id on the device', () => {
  it('is kept from the sign-in answer, so the account opens with it and no request', async () => {
    const fetch = vi.fn(() => json(answer));
    vi.stubGlobal('fetch', fetch);
    expect(await signIn('Alun ', 'secret')).toEqual({ ok: true, account: answer });
    expect(signedInAccount()).toEqual(answer);
    fetch.mockImplementation(() => Promise.reject(new TypeError('offline')));
    expect(await accountWithId()).toEqual(answer);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('is asked for once when an account was saved without one, then kept', async () => {
    localStorage.setItem(key, JSON.stringify(legacy));
    const fetch = vi.fn(() => json(answer));
    vi.stubGlobal('fetch', fetch);
    expect(await accountWithId()).toEqual(answer);
    expect(fetch).toHaveBeenCalledWith('/api/session');
    expect(await accountWithId()).toEqual(answer);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('is not guessed: with no signal, an ended session or another account, there is none', async () => {
    localStorage.setItem(key, JSON.stringify(legacy));
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    expect(await accountWithId()).toBeNull();
    vi.stubGlobal('fetch', () => json({ error: 'session_expired', reason: 'x' }, 401));
    expect(await accountWithId()).toBeNull();
    vi.stubGlobal('fetch', () => json({ ...answer, username: 'bethan' }));
    expect(await accountWithId()).toBeNull();
    // The saved account is left as it was, for the pages that need no id.
    expect(signedInAccount()).toEqual(legacy);
  });

  it('an older server’s sign-in answer without one still signs in; the id is asked for later', async () => {
    const fetch = vi.fn(() => json(legacy));
    vi.stubGlobal('fetch', fetch);
    expect(await signIn('alun', 'secret')).toEqual({ ok: true, account: legacy });
    fetch.mockImplementation(() => json(answer));
    expect(await accountWithId()).toEqual(answer);
  });
});
