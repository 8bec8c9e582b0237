/**
 * The server's side of the references a coordinator's device keeps for calls taken offline
 * (#domain/intake/reference-pool.ts). Each pooled reference is claimed like a resident's, by
 * writing `ref:<reference>` put-if-absent in the server-only database, but held by the user
 * (`held_by`) with no request yet; `reference-pool:<user>:<device>` lists a device's pool, so two
 * devices of one coordinator never hold the same reference. A request created through `/db` binds
 * its reference (`useReference`) with a compare-and-set on that document, so of two requests that
 * name one reference, on any number of instances, exactly one gets it.
 */
import { randomInt } from 'node:crypto';
import type { ForbiddenReason } from '#domain/forbidden-reasons.ts';
import {
  referencePoolSize,
  referenceUseProblem,
  type ReferenceHold,
} from '#domain/intake/reference-pool.ts';
import { makeReference } from '#domain/requests/reference.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { referenceDocId } from '../residents/reference-claim.ts';
import type { MutableDocStore } from '../storage/storage.ts';

type HeldDoc = ReferenceHold & { _id: string; _rev?: string; type: 'reference'; held_at?: string };
type PoolDoc = { _id: string; _rev?: string; type: 'reference_pool'; references: string[] };

const poolDocId = (userId: string, device: string) => `reference-pool:${userId}:${device}`;

// With 10^8 references, this many collisions in a row means the store is broken, not unlucky.
const maxAttempts = 20;
// Two writers of one document (two tabs topping up, two instances binding) settle within a few.
const maxRetries = 5;

async function claimHeld(store: MutableDocStore, userId: string, now: string): Promise<string> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const reference = makeReference(() => randomInt(10));
    const doc: HeldDoc = {
      _id: referenceDocId(reference),
      type: 'reference',
      request_id: null,
      held_by: userId,
      held_at: now,
    };
    if ((await store.putIfAbsent(doc)) === 'created') return reference;
  }
  throw new Error(`No free reference after ${maxAttempts} attempts`);
}

/** Still free for a call: held by this user, not yet bound to a request. */
async function isFree(store: MutableDocStore, userId: string, reference: string) {
  const held = await store.get<HeldDoc>(referenceDocId(reference));
  return held !== null && held.held_by === userId && held.request_id === null;
}

/**
 * The device's pool, topped up to `referencePoolSize`: what it held and has neither used (`used`,
 * as the device says, perhaps not yet sent) nor seen bound, plus newly claimed references.
 */
export async function topUpPool(
  store: MutableDocStore,
  user: StaffUser,
  device: string,
  used: readonly string[],
  now: string,
): Promise<string[]> {
  for (let attempt = 0; attempt < maxRetries; attempt++) {
    const stored = await store.get<PoolDoc>(poolDocId(user.id, device));
    const kept: string[] = [];
    for (const reference of stored?.references ?? []) {
      if (!used.includes(reference) && (await isFree(store, user.id, reference))) {
        kept.push(reference);
      }
    }
    const fresh: string[] = [];
    while (kept.length + fresh.length < referencePoolSize) {
      fresh.push(await claimHeld(store, user.id, now));
    }
    const references = [...kept, ...fresh];
    const pool: PoolDoc = { _id: poolDocId(user.id, device), type: 'reference_pool', references };
    const saved =
      stored?._rev === undefined
        ? await store.putIfAbsent(pool)
        : await store.replace({ ...pool, _rev: stored._rev });
    if (saved === 'created' || saved === 'replaced') return references;
    // Another tab of the same device topped up meanwhile: what we claimed goes back.
    for (const reference of fresh) await store.remove(referenceDocId(reference));
  }
  throw new Error('The reference pool kept changing while it was topped up');
}

/**
 * Binds `reference` to request `requestId` for `user`, or says why not (referenceUseProblem). The
 * same request asking again (a retry) is told yes without writing anything.
 */
export async function useReference(
  store: MutableDocStore,
  user: StaffUser,
  reference: string,
  requestId: string,
): Promise<ForbiddenReason | null> {
  for (let attempt = 0; attempt < maxRetries; attempt++) {
    const held = await store.get<HeldDoc>(referenceDocId(reference));
    const problem = referenceUseProblem(user, requestId, held);
    if (problem !== null || held === null || held.request_id === requestId) return problem;
    const bound = await store.replace({ ...held, _rev: held._rev ?? '', request_id: requestId });
    if (bound === 'replaced') return null;
  }
  return 'reference_used';
}
