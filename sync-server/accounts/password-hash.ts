/**
 * Password hashing with scrypt from node:crypto (RFC 7914), a memory-hard KDF. The parameters are
 * stored with each hash, so raising them later only affects new and reset passwords.
 *
 * N = 2^15, r = 8, p = 1 (32 MiB, ~0.1 s here) is OWASP's minimum for scrypt:
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { normalisePassword } from '#domain/people/account-rules.ts';

export type ScryptParams = { N: number; r: number; p: number };

export type PasswordHash = ScryptParams & {
  algorithm: 'scrypt';
  /** base64 */
  salt: string;
  /** base64, 64 bytes */
  hash: string;
};

export const productionScrypt: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const keyLength = 64;
const saltLength = 16;

function derive(password: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r·p bytes; Node refuses anything at or over `maxmem` (32 MiB by default,
  // exactly what N = 2^15, r = 8 needs), so allow twice the need.
  const options: ScryptOptions = { ...params, maxmem: 2 * 128 * params.N * params.r * params.p };
  return new Promise((resolve, reject) => {
    scrypt(normalisePassword(password), salt, keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function hashPassword(password: string, params: ScryptParams): Promise<PasswordHash> {
  const salt = new Uint8Array(randomBytes(saltLength));
  const key = await derive(password, salt, params);
  return {
    algorithm: 'scrypt',
    ...params,
    salt: Buffer.from(salt).toString('base64'),
    hash: key.toString('base64'),
  };
}

/** Bounds on stored parameters, so a damaged document cannot make one sign-in take gigabytes. */
function isSane(stored: PasswordHash): boolean {
  const isPowerOfTwo = Number.isInteger(Math.log2(stored.N));
  return (
    stored.algorithm === 'scrypt' &&
    isPowerOfTwo &&
    stored.N >= 2 &&
    stored.N <= 2 ** 20 &&
    Number.isInteger(stored.r) &&
    stored.r >= 1 &&
    stored.r <= 32 &&
    Number.isInteger(stored.p) &&
    stored.p >= 1 &&
    stored.p <= 16
  );
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (!isSane(stored)) throw new Error('Stored password hash has unusable parameters');
  const expected = new Uint8Array(Buffer.from(stored.hash, 'base64'));
  const key = await derive(password, new Uint8Array(Buffer.from(stored.salt, 'base64')), stored);
  return expected.length === key.length && timingSafeEqual(new Uint8Array(key), expected);
}

/**
 * A hash of a random password, checked against when the username is unknown, so an unknown user
 * costs the same scrypt work as a known one and the timing does not say which usernames exist.
 */
export function dummyHash(params: ScryptParams): () => Promise<PasswordHash> {
  let made: Promise<PasswordHash> | undefined;
  return () => (made ??= hashPassword(randomBytes(32).toString('base64'), params));
}
