/**
 * The user id documents use for a staff account: a name-based UUID (RFC 9562 §5.8, version 8)
 * derived from the username, so the server finds it with no stored mapping. This must give exactly
 * what the replication layer's `staffUserId` (sync-server/replication/staff-user.ts) gives, or a
 * seeded volunteer would not see their own tasks; the seed tests pin one value.
 */
import { createHash } from 'node:crypto';

export function seededUserId(username: string): string {
  const hex = createHash('sha256').update(`cymorth:staff-user:${username}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
