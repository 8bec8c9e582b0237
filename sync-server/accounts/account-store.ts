/**
 * Creating and changing staff accounts. Used by the admin CLI, the volunteer sign-up and the seed;
 * every way in checks the same rules (#domain/people/account-rules.ts, and names and areas here).
 */
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { leavesNoAdmin } from '#domain/admin/admin-access.ts';
import {
  isValidUsername,
  passwordProblem,
  type PasswordProblem,
  type StaffRole,
} from '#domain/people/account-rules.ts';
import type { MutableDocStore } from '../storage/storage.ts';
import {
  areaSchema,
  displayNameSchema,
  toSignedInUser,
  accountDocId,
  type AccountDoc,
  type SignedInUser,
} from './account.ts';
import { hashPassword, type ScryptParams } from './password-hash.ts';

export type AccountProblem =
  | 'invalid_username'
  | 'invalid_name'
  | 'invalid_area'
  | PasswordProblem
  | 'exists'
  | 'admin_exists'
  | 'unknown_user'
  | 'last_admin';

export type AccountResult =
  { ok: true; user: SignedInUser } | { ok: false; problem: AccountProblem };

export type NewAccount = {
  username: string;
  displayName?: string;
  role: StaffRole;
  areas?: readonly string[];
  password: string;
};

export type AccountContext = { store: MutableDocStore; now: () => Date; scrypt: ScryptParams };

export async function findAccount(store: MutableDocStore, username: string) {
  if (!isValidUsername(username)) return null;
  return store.get<AccountDoc>(accountDocId(username));
}

export async function listAccounts(store: MutableDocStore): Promise<AccountDoc[]> {
  const ids = await store.idsWithPrefix('user:');
  const docs = await Promise.all(ids.map((id) => store.get<AccountDoc>(id)));
  return docs.filter((doc): doc is AccountDoc => doc !== null);
}

export async function createAccount(
  ctx: AccountContext,
  input: NewAccount,
): Promise<AccountResult> {
  if (!isValidUsername(input.username)) return { ok: false, problem: 'invalid_username' };
  const name = v.safeParse(displayNameSchema, input.displayName ?? input.username);
  if (!name.success) return { ok: false, problem: 'invalid_name' };
  const areas = [...new Set(input.areas ?? [])];
  if (!areas.every((area) => v.is(areaSchema, area))) return { ok: false, problem: 'invalid_area' };
  const owner = { username: input.username, name: name.output };
  const weakness = passwordProblem(input.password, owner);
  if (weakness) return { ok: false, problem: weakness };

  const at = ctx.now().toISOString();
  const doc: AccountDoc = {
    _id: accountDocId(input.username),
    type: 'user',
    username: input.username,
    display_name: name.output,
    role: input.role,
    areas,
    disabled: false,
    password: await hashPassword(input.password, ctx.scrypt),
    session_generation: 0,
    created_at: at,
    updated_at: at,
  };
  if ((await ctx.store.putIfAbsent(doc)) === 'exists') return { ok: false, problem: 'exists' };
  return { ok: true, user: toSignedInUser(doc) };
}

export async function hasAdmin(store: MutableDocStore): Promise<boolean> {
  return (await listAccounts(store)).some((doc) => doc.role === 'admin');
}

/**
 * The first admin of a fresh deployment. Refused once any admin exists, so the command cannot be
 * used later to make a back door; later admins are a decision for an admin, not for the shell.
 */
export async function createFirstAdmin(
  ctx: AccountContext,
  input: Omit<NewAccount, 'role' | 'areas'>,
): Promise<AccountResult> {
  if (await hasAdmin(ctx.store)) return { ok: false, problem: 'admin_exists' };
  return createAccount(ctx, { ...input, role: 'admin', areas: [] });
}

/** Read, change, write back if nobody else wrote in between; otherwise read again and redo. */
async function updateAccount(
  ctx: AccountContext,
  username: string,
  change: (doc: AccountDoc) => AccountDoc | AccountProblem | Promise<AccountDoc>,
): Promise<AccountResult> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await findAccount(ctx.store, username);
    if (!current?._rev) return { ok: false, problem: 'unknown_user' };
    const next = await change(current);
    if (typeof next === 'string') return { ok: false, problem: next };
    const written = await ctx.store.replace({
      ...next,
      _rev: current._rev,
      updated_at: ctx.now().toISOString(),
    });
    if (written === 'replaced') return { ok: true, user: toSignedInUser(next) };
  }
  throw new Error(`Account ${username} kept changing under us; try again`);
}

/**
 * An account made by an admin in the app: its password is a random secret nobody is told, so it
 * opens nothing until its owner chooses one with a one-time code (reset-codes.ts).
 */
export function createAccountWithoutPassword(
  ctx: AccountContext,
  input: Omit<NewAccount, 'password'>,
): Promise<AccountResult> {
  return createAccount(ctx, { ...input, password: randomBytes(32).toString('base64url') });
}

export type AccountUpdate = { role?: StaffRole; areas?: readonly string[]; disabled?: boolean };

/**
 * Changes an account's role, areas or whether it may sign in: the command line and the admin API
 * both come here, so both refuse to disable or demote the last enabled admin (`last_admin`,
 * #domain/admin/admin-access.ts). Disabling also ends every session of the account (see
 * `session_generation`); a role or areas change takes effect at the account's next request, since
 * every request reads the account afresh (sessions/require-session.ts). Two admins disabling each
 * other at the same instant on two instances could both pass the check: a narrow race the shell
 * (`npm run admin -- enable`) undoes.
 */
export async function changeAccount(
  ctx: AccountContext,
  username: string,
  update: AccountUpdate,
): Promise<AccountResult> {
  const areas = update.areas && [...new Set(update.areas)];
  if (areas && !areas.every((area) => v.is(areaSchema, area))) {
    return { ok: false, problem: 'invalid_area' };
  }
  const all = await listAccounts(ctx.store);
  return updateAccount(ctx, username, (doc) => {
    const next: AccountDoc = {
      ...doc,
      role: update.role ?? doc.role,
      areas: areas ?? doc.areas,
      disabled: update.disabled ?? doc.disabled,
      session_generation:
        update.disabled === true && !doc.disabled
          ? doc.session_generation + 1
          : doc.session_generation,
    };
    const others = all.filter((a) => a.username !== username);
    return leavesNoAdmin([...others, doc], doc, next) ? 'last_admin' : next;
  });
}

/** Disabling also ends every session of the account; never the last admin's. */
export function setDisabled(ctx: AccountContext, username: string, disabled: boolean) {
  return changeAccount(ctx, username, { disabled });
}

/** A new password ends every session: whoever knew the old one is signed out everywhere. */
export async function resetPassword(
  ctx: AccountContext,
  username: string,
  password: string,
): Promise<AccountResult> {
  const account = await findAccount(ctx.store, username);
  if (account === null) return { ok: false, problem: 'unknown_user' };
  const weakness = passwordProblem(password, { username, name: account.display_name });
  if (weakness) return { ok: false, problem: weakness };
  const hashed = await hashPassword(password, ctx.scrypt);
  return updateAccount(ctx, username, (doc) => ({
    ...doc,
    password: hashed,
    session_generation: doc.session_generation + 1,
  }));
}
