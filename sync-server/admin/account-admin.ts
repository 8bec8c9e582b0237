/**
 * Staff accounts as an admin manages them in the app, on the same account store the command line
 * uses (accounts/account-store.ts), so both keep one set of rules: usernames, roles, areas, and
 * never disabling or demoting the last admin. What the admin API adds: an account's areas must
 * be areas that exist, and a new account gets a one-time code instead of a password.
 */
import type { AccountChange, NewAccountInput } from '#domain/admin/account-input.ts';
import { areaDocId } from '#domain/documents/doc-ids.ts';
import type { AccountDoc } from '../accounts/account.ts';
import {
  changeAccount,
  createAccountWithoutPassword,
  findAccount,
  listAccounts,
  type AccountContext,
  type AccountProblem,
} from '../accounts/account-store.ts';
import { issueResetCode, type IssuedCode } from '../accounts/reset-codes.ts';
import { staffUserId } from '../accounts/staff-user-id.ts';
import type { DocStore } from '../storage/storage.ts';

export type AccountListing = {
  username: string;
  user_id: string;
  display_name: string;
  role: AccountDoc['role'];
  areas: string[];
  disabled: boolean;
};

export const toListing = (doc: AccountDoc): AccountListing => ({
  username: doc.username,
  user_id: staffUserId(doc.username),
  display_name: doc.display_name,
  role: doc.role,
  areas: [...doc.areas],
  disabled: doc.disabled,
});

export async function accountListings(ctx: AccountContext): Promise<AccountListing[]> {
  const all = await listAccounts(ctx.store);
  return all.map(toListing).sort((a, b) => a.username.localeCompare(b.username));
}

async function unknownArea(replicated: DocStore, areas: readonly string[]) {
  for (const area of areas) {
    const doc = await replicated.get<{ _id: string; type?: string }>(areaDocId(area));
    if (doc?.type !== 'area') return area;
  }
  return undefined;
}

export type AdminAccountResult =
  | { ok: true; account: AccountListing; reset?: IssuedCode }
  | { ok: false; problem: AccountProblem | 'unknown_area' };

export async function adminCreateAccount(
  ctx: AccountContext,
  replicated: DocStore,
  input: NewAccountInput,
): Promise<AdminAccountResult> {
  if ((await unknownArea(replicated, input.areas)) !== undefined) {
    return { ok: false, problem: 'unknown_area' };
  }
  const made = await createAccountWithoutPassword(ctx, {
    username: input.username,
    displayName: input.display_name,
    role: input.role,
    areas: input.areas,
  });
  if (!made.ok) return made;
  const reset = await issueResetCode(ctx, input.username);
  const account = await findAccount(ctx.store, input.username);
  if (!reset || !account) throw new Error('An account just made is missing');
  return { ok: true, account: toListing(account), reset };
}

export async function adminChangeAccount(
  ctx: AccountContext,
  replicated: DocStore,
  username: string,
  change: AccountChange,
): Promise<AdminAccountResult> {
  if (change.areas && (await unknownArea(replicated, change.areas)) !== undefined) {
    return { ok: false, problem: 'unknown_area' };
  }
  const changed = await changeAccount(ctx, username, change);
  if (!changed.ok) return changed;
  const account = await findAccount(ctx.store, username);
  if (!account) return { ok: false, problem: 'unknown_user' };
  return { ok: true, account: toListing(account) };
}
