/**
 * The status token a resident's device keeps to ask about its own request. It is the only
 * credential a resident has, so it is long (32 random bytes) and compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newStatusToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashStatusToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// Compared against when there is no stored hash, so an unknown reference costs the same work.
const absentHash = hashStatusToken(newStatusToken());

/** Compares digests, not tokens, so the comparison length never depends on the input. */
export function isStatusTokenValid(given: string | null, storedHash: string | null): boolean {
  const givenDigest = new Uint8Array(Buffer.from(hashStatusToken(given ?? ''), 'hex'));
  const storedDigest = new Uint8Array(Buffer.from(storedHash ?? absentHash, 'hex'));
  if (storedDigest.length !== givenDigest.length) return false;
  return timingSafeEqual(givenDigest, storedDigest) && given !== null && storedHash !== null;
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
