/**
 * One-time codes with which a member of staff chooses their own password (#domain/people/
 * reset-code.ts): an admin issues one for a new account or a forgotten password, and the code, not
 * a password, is what passes between people. Stored in the server-only database as
 * `reset:<username>`, only its SHA-256 (the code is random, 60 bits: a slow hash adds nothing a
 * lookup by username and a few tries do not already give), with when it expires and how many wrong
 * tries it has had. A new code replaces the old; using it removes it.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { passwordProblem, type PasswordProblem } from '#domain/people/account-rules.ts';
import {
  resetCodeAlphabet,
  resetCodeHours,
  resetCodeLength,
  resetCodeTries,
} from '#domain/people/reset-code.ts';
import type { StoredDoc } from '../storage/storage.ts';
import { findAccount, resetPassword, type AccountContext } from './account-store.ts';

type ResetDoc = StoredDoc & {
  type: 'reset_code';
  code_sha256: string;
  expires_at: string;
  wrong_tries: number;
};

const resetDocId = (username: string) => `reset:${username}`;
const digest = (code: string) => new Uint8Array(createHash('sha256').update(code).digest());

export type IssuedCode = { code: string; expires_at: string };

/** A fresh code for `username`, replacing any earlier one; null when there is no such account. */
export async function issueResetCode(
  ctx: AccountContext,
  username: string,
): Promise<IssuedCode | null> {
  if ((await findAccount(ctx.store, username)) === null) return null;
  const code = Array.from(
    { length: resetCodeLength },
    () => resetCodeAlphabet[randomInt(resetCodeAlphabet.length)],
  ).join('');
  const expires_at = new Date(ctx.now().getTime() + resetCodeHours * 3_600_000).toISOString();
  const doc: ResetDoc = {
    _id: resetDocId(username),
    type: 'reset_code',
    code_sha256: Buffer.from(digest(code)).toString('hex'),
    expires_at,
    wrong_tries: 0,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await ctx.store.get<ResetDoc>(doc._id);
    const written = current?._rev
      ? await ctx.store.replace({ ...doc, _rev: current._rev as string })
      : await ctx.store.putUnlessLive(doc);
    if (written !== 'conflict' && written !== 'exists') return { code, expires_at };
  }
  throw new Error('The reset code kept changing under us; try again');
}

export type RedeemProblem = 'invalid_code' | PasswordProblem;

/**
 * Sets `password` for `username` if `code` is its live code. Every failure of the code itself is
 * `invalid_code`, whether the account, the code or its time is wrong, so the answer tells a
 * guesser nothing; a weak password keeps the code for another try.
 */
export async function redeemResetCode(
  ctx: AccountContext,
  username: string,
  code: string,
  password: string,
): Promise<RedeemProblem | null> {
  const stored = await ctx.store.get<ResetDoc>(resetDocId(username));
  const account = await findAccount(ctx.store, username);
  if (stored === null || account === null) return 'invalid_code';
  if (Date.parse(stored.expires_at) <= ctx.now().getTime()) {
    await ctx.store.remove(stored._id);
    return 'invalid_code';
  }
  if (!timingSafeEqual(digest(code), new Uint8Array(Buffer.from(stored.code_sha256, 'hex')))) {
    const tries = stored.wrong_tries + 1;
    if (tries >= resetCodeTries) await ctx.store.remove(stored._id);
    else await ctx.store.replace({ ...stored, _rev: stored._rev as string, wrong_tries: tries });
    return 'invalid_code';
  }
  const weakness = passwordProblem(password, { username, name: account.display_name });
  if (weakness) return weakness;
  await ctx.store.remove(stored._id);
  const result = await resetPassword(ctx, username, password);
  return result.ok ? null : 'invalid_code';
}
