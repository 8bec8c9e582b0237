/** `/api/admin/accounts`: list, create and change staff accounts (account-admin.ts). */
import { Hono } from 'hono';
import { accountChangeSchema, newAccountSchema } from '#domain/admin/account-input.ts';
import { isValidUsername } from '#domain/people/account-rules.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { issueResetCode } from '../accounts/reset-codes.ts';
import { staffUserId } from '../accounts/staff-user-id.ts';
import type { AccountProblem } from '../accounts/account-store.ts';
import { methodNotAllowed, notFound } from '../http/api-error.ts';
import { accountContext, invalid, parsedBody, type AdminContext } from './admin-context.ts';
import { accountListings, adminChangeAccount, adminCreateAccount } from './account-admin.ts';

/** Which field a refusal is about, so the page puts the message beside it. */
function problemField(problem: AccountProblem | 'unknown_area'): Record<string, string> {
  switch (problem) {
    case 'exists':
      return { username: 'taken' };
    case 'invalid_username':
      return { username: 'invalid' };
    case 'invalid_name':
      return { display_name: 'invalid' };
    case 'invalid_area':
    case 'unknown_area':
      return { areas: 'unknown_area' };
    default:
      return { account: problem };
  }
}

export function accountAdminRoutes(ctx: AdminContext): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  const accounts = accountContext(ctx);
  const replicated = ctx.storage.replicated;
  const target = (username: string) => `user:${staffUserId(username)}`;

  routes.get('/', async (c) => c.json({ accounts: await accountListings(accounts) }, 200));
  routes.post('/', async (c) => {
    const body = await parsedBody(c, ctx, newAccountSchema);
    if (!body.ok) return body.answer;
    const made = await adminCreateAccount(accounts, replicated, body.value);
    if (!made.ok) return invalid(c, problemField(made.problem));
    await ctx.record(c, 'account_created', target(body.value.username));
    await ctx.record(c, 'reset_code_issued', target(body.value.username));
    return c.json({ account: made.account, reset: made.reset }, 201);
  });
  routes.all('/', methodNotAllowed(['GET', 'POST']));

  routes.patch('/:username', async (c) => {
    const username = c.req.param('username');
    if (!isValidUsername(username)) return notFound(c);
    const body = await parsedBody(c, ctx, accountChangeSchema);
    if (!body.ok) return body.answer;
    const changed = await adminChangeAccount(accounts, replicated, username, body.value);
    if (!changed.ok) {
      return changed.problem === 'unknown_user'
        ? notFound(c)
        : invalid(c, problemField(changed.problem));
    }
    const { disabled, ...rest } = body.value;
    if (disabled !== undefined) {
      await ctx.record(c, disabled ? 'account_disabled' : 'account_enabled', target(username));
    }
    const fields = Object.keys(rest);
    if (fields.length > 0) await ctx.record(c, 'account_changed', target(username), fields);
    return c.json({ account: changed.account }, 200);
  });
  routes.all('/:username', methodNotAllowed(['PATCH']));

  routes.post('/:username/reset-code', async (c) => {
    const username = c.req.param('username');
    const issued = isValidUsername(username) ? await issueResetCode(accounts, username) : null;
    if (issued === null) return notFound(c);
    await ctx.record(c, 'reset_code_issued', target(username));
    return c.json({ reset: issued }, 201);
  });
  routes.all('/:username/reset-code', methodNotAllowed(['POST']));
  return routes;
}
