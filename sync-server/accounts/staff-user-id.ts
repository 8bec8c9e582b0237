/**
 * The id documents name a member of staff by. Accounts are keyed by username, but documents name
 * staff by an opaque UUID (ids and fields never hold a username), so the id is derived from the
 * username: a name-based UUID (RFC 9562 §5.8, version 8) that every server instance computes alike
 * with no lookup and no stored mapping to keep in step.
 */
import { createHash } from 'node:crypto';

export function staffUserId(username: string): string {
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
