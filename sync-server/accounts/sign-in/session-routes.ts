/**
 * `/api/session`: POST signs in (sets the cookie), GET says who is signed in, DELETE signs out.
 * Both POST and GET answer the account with `user_id`, the id documents name this person by
 * (`staffUserId`), so a device never has to derive it itself and keeps it for offline use.
 * Cross-site pages cannot drive these with the user's cookie: POST needs `application/json` and
 * DELETE is not a simple method, so both need a CORS preflight this server never grants.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { maxPasswordLength } from '#domain/people/account-rules.ts';
import { methodNotAllowed } from '../../http/api-error.ts';
import { clientAddress } from '../../http/client-address.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { staffUserId } from '../staff-user-id.ts';
import type { MutableDocStore } from '../../storage/storage.ts';
import type { SignedInUser } from '../account.ts';
import { accountError } from '../sessions/account-errors.ts';
import {
  clearSessionCookie,
  readSessionToken,
  setSessionCookie,
} from '../sessions/session-cookie.ts';
import type { SessionGate } from '../sessions/session-gate.ts';
import { endSession } from '../sessions/session-store.ts';
import type { SignInAttempt, SignInOutcome } from './sign-in.ts';

// Strict: unknown keys, `__proto__` included, are refused rather than ignored.
const signInBody = v.strictObject({
  username: v.pipe(v.string(), v.maxLength(100)),
  // Bounded in UTF-16 units, which is at least the code points the policy counts.
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(maxPasswordLength * 2)),
});

/** Who is signed in, as both POST and GET answer it. */
export type SessionAnswer = SignedInUser & { user_id: string };

const sessionAnswer = (user: SignedInUser): SessionAnswer => ({
  ...user,
  user_id: staffUserId(user.username),
});

export type SessionRoutesOptions = {
  store: MutableDocStore;
  gate: SessionGate;
  signIn: (attempt: SignInAttempt) => Promise<SignInOutcome>;
  maxBodyBytes: number;
  cookieMaxAgeSeconds: number;
  trustedProxies: number;
};

export function sessionRoutes(options: SessionRoutesOptions): Hono {
  const { store, gate, trustedProxies } = options;
  const routes = new Hono();

  routes.post('/', async (c) => {
    const body = await readJsonBody(c.req.raw, options.maxBodyBytes);
    if (!body.ok) return accountError(c, body.status, body.error, body.reason);
    const parsed = v.safeParse(signInBody, body.value);
    if (!parsed.success) {
      const reason = 'Send {"username": "…", "password": "…"} and nothing else.';
      return accountError(c, 400, 'invalid_request', reason);
    }
    const address = clientAddress(c, trustedProxies);
    const outcome = await options.signIn({ ...parsed.output, address });
    switch (outcome.kind) {
      case 'rate_limited':
        c.header('Retry-After', String(outcome.retryAfterSeconds));
        return accountError(c, 429, 'rate_limited', 'Too many sign-in attempts; try again later.');
      case 'invalid_credentials':
        return accountError(c, 401, 'invalid_credentials', 'Wrong username or password.');
      case 'account_disabled':
        return accountError(c, 403, 'account_disabled', 'This account has been disabled.');
      case 'signed_in':
        // Signing in again on the same browser replaces its session rather than orphaning it.
        await endSession(store, readSessionToken(c));
        setSessionCookie(c, outcome.token, options.cookieMaxAgeSeconds, trustedProxies);
        c.header('Cache-Control', 'no-store');
        return c.json(sessionAnswer(outcome.user), 200);
    }
  });

  routes.get('/', async (c) => {
    const check = await gate.check(c);
    if (check.kind !== 'signed_in') return gate.deny(c, check);
    c.header('Cache-Control', 'no-store');
    return c.json(sessionAnswer(check.user), 200);
  });

  // Always 204, signed in or not: signing out twice is not an error.
  routes.delete('/', async (c) => {
    await endSession(store, readSessionToken(c));
    clearSessionCookie(c, trustedProxies);
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });

  routes.all('/', methodNotAllowed(['GET', 'HEAD', 'POST', 'DELETE']));
  return routes;
}
