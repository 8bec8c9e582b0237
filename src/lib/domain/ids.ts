/**
 * Client-made ids (RFC 4122 version 4) for idempotent submission. `crypto.randomUUID` exists only in
 * secure contexts, and a community hall may serve Cymorth over plain HTTP on its own network, so we
 * build the UUID from `getRandomValues`, which every browser and Node 20 have everywhere.
 */
export function newId(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
