/**
 * Sizes as a resident's phone would see them, independent of how the server compresses: every
 * body is gzipped here at level 9.
 */
import { gzipSync } from 'node:zlib';

/** Any byte view (a Buffer included: TS 6's lib and @types/node 20 disagree on Buffer's type). */
type Bytes = { buffer: ArrayBufferLike; byteOffset: number; byteLength: number };

export function gzipBytes(body: Bytes): number {
  const view = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return gzipSync(view, { level: 9 }).byteLength;
}

/** "41.2 KB (41,234 B)"; 1 KB = 1,000 bytes throughout the bench. */
export function formatBytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB (${bytes.toLocaleString('en-GB')} B)`;
}
