/**
 * The `cymorth_session` cookie: HttpOnly (no script, so no XSS, can read it), SameSite=Lax (not
 * sent on cross-site POSTs), Path=/ (the app and `/db` share it), Secure whenever the request came
 * over TLS. On plain HTTP (a LAN deployment) Secure would make browsers drop it.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isTlsRequest } from '../../http/client-address.ts';

export const sessionCookieName = 'cymorth_session';

export const readSessionToken = (c: Context): string | null =>
  getCookie(c, sessionCookieName) ?? null;

const flags = (c: Context, trustedProxies: number) =>
  ({
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isTlsRequest(c, trustedProxies),
  }) as const;

/** Kept by the browser as long as the session can live, so a restart does not sign anyone out. */
export function setSessionCookie(
  c: Context,
  token: string,
  maxAgeSeconds: number,
  trustedProxies: number,
) {
  setCookie(c, sessionCookieName, token, { ...flags(c, trustedProxies), maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context, trustedProxies: number) {
  deleteCookie(c, sessionCookieName, flags(c, trustedProxies));
}
