/**
 * The signed-in account's user id as documents name it. The server derives it from the username
 * (`sync-server/replication/staff-user.ts`: a name-based UUID, RFC 9562 §5.8) and the session answer
 * does not carry it, so the device derives it the same way, with WebCrypto instead of `node:crypto`.
 * A unit test keeps the two in step.
 */
export async function staffUserIdOf(username: string): Promise<string> {
  const data = new TextEncoder().encode(`cymorth:staff-user:${username}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
