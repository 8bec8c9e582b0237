/**
 * Giving each request a reference no other request has. References are short (eight random digits
 * and a check digit), so collisions are possible; `ref:<reference>` in the server-only database is
 * written put-if-absent, and whoever writes it first owns the reference.
 */
import { randomInt } from 'node:crypto';
import { makeReference } from '#domain/requests/reference.ts';
import type { DocStore } from '../storage/storage.ts';

export type ReferenceDoc = { _id: string; type: 'reference'; request_id: string };

export const referenceDocId = (reference: string) => `ref:${reference}`;

const cryptoDigit = () => randomInt(10);

// With 10^8 references, failing this many times in a row means the store is broken, not unlucky.
const maxAttempts = 20;

/** Claims a fresh reference for request `requestId` and returns it. */
export async function claimReference(serverOnly: DocStore, requestId: string): Promise<string> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const reference = makeReference(cryptoDigit);
    const doc: ReferenceDoc = {
      _id: referenceDocId(reference),
      type: 'reference',
      request_id: requestId,
    };
    if ((await serverOnly.putIfAbsent(doc)) === 'created') return reference;
  }
  throw new Error(`No free reference after ${maxAttempts} attempts`);
}

export async function requestIdForReference(
  serverOnly: DocStore,
  reference: string,
): Promise<string | null> {
  const doc = await serverOnly.get<ReferenceDoc>(referenceDocId(reference));
  return doc?.request_id ?? null;
}
