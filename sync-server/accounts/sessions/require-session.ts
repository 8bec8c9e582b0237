/**
 * Middleware for routes that need a signed-in member of staff (replication under `/db`, admin
 * screens). After it, `c.var.user` is the account without its password, read from the database on
 * this very request; without a live session the answer is 401 (403 for a disabled account).
 */
import { createMiddleware } from 'hono/factory';
import type { StaffRole } from '#domain/people/account-rules.ts';
import type { SignedInUser } from '../account.ts';
import { accountError } from './account-errors.ts';
import type { SessionGate } from './session-gate.ts';

export type SessionEnv = { Variables: { user: SignedInUser } };

export function requireSession(gate: SessionGate) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const check = await gate.check(c);
    if (check.kind !== 'signed_in') return gate.deny(c, check);
    c.set('user', check.user);
    await next();
  });
}

/** After `requireSession`: only these roles may go on. */
export function requireRole(...allowed: readonly StaffRole[]) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    if (!allowed.includes(c.var.user.role)) {
      return accountError(c, 403, 'forbidden', 'Your role may not do this.');
    }
    await next();
  });
}
