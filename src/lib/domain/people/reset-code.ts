/**
 * The one-time code an admin gives a member of staff to choose their own password: when their
 * account is made, and when they have forgotten it. The admin reads it to them or passes it on;
 * it is never a password, it works once, for one account, for `resetCodeHours`, and a few wrong
 * tries void it. Crockford's base32 (no I, L, O or U) so it reads aloud and types without mix-ups;
 * 12 characters are 60 bits, far beyond guessing within the tries allowed.
 * https://www.crockford.com/base32.html
 */
import * as v from 'valibot';
import { maxPasswordLength, normaliseUsername } from './account-rules.ts';

export const resetCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const resetCodeLength = 12;
export const resetCodeHours = 72;
export const resetCodeTries = 5;

/** `abcd-efgh-jk0l` as typed → `ABCDEFGHJK01`: case, spaces and dashes ignored, O read as 0. */
export function normaliseResetCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export const isResetCode = (code: string): boolean =>
  code.length === resetCodeLength && [...code].every((c) => resetCodeAlphabet.includes(c));

/** `ABCDEFGHJK01` → `ABCD-EFGH-JK01`, as the admin's page shows it. */
export const groupedResetCode = (code: string): string => code.match(/.{1,4}/g)!.join('-');

/** `POST /api/password-reset`: whose account, the code, the new password. */
export const passwordResetSchema = v.strictObject(
  {
    username: v.pipe(
      v.string('invalid'),
      v.maxLength(200, 'invalid'),
      v.transform(normaliseUsername),
    ),
    code: v.pipe(
      v.string('invalid'),
      v.maxLength(100, 'invalid'),
      v.transform(normaliseResetCode),
      v.check(isResetCode, 'invalid_code'),
    ),
    password: v.pipe(v.string('invalid'), v.maxLength(maxPasswordLength * 4, 'too_long')),
  },
  'invalid',
);
