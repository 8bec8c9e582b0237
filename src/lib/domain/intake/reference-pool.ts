/**
 * References a coordinator can read out to a caller with no signal. A reference is unique only
 * once the server has claimed it (`ref:<reference>`, put-if-absent), and a phone call cannot wait
 * for a connection, so while online each coordinator's device is handed a small pool of references
 * the server has already claimed for them (`held_by`), keeps them, uses one per call and is topped
 * up again on the next connection. A request created through `/db` must carry a reference its
 * writer holds and no other request uses: the server binds the reference to the request when it
 * accepts the creation, so a reference is never given to two callers, and a device that sends the
 * same request again (a retry) finds it bound to that very request. docs/architecture.md, "Phone intake".
 */
import * as v from 'valibot';
import type { ForbiddenReason } from '../forbidden-reasons.ts';
import { parseReference } from '../requests/reference.ts';
import type { StaffUser } from '../people/users.ts';

/** References a device keeps: more calls than a coordinator takes between two connections. */
export const referencePoolSize = 10;

/** The references a device says it has used and may not yet have sent: at most this many. */
export const maxUsedReported = 50;

/** A claimed reference as the server keeps it: who holds it and which request, once used. */
export type ReferenceHold = { held_by?: string | null; request_id: string | null };

/** Who takes calls: coordinators and admins, while their account is enabled. */
export const mayTakeCalls = (user: StaffUser) =>
  !user.disabled && (user.role === 'coordinator' || user.role === 'admin');

/**
 * Whether `user` may create request `requestId` with a reference held as `hold` (null when the
 * server never claimed it): it must be theirs, and unused or already used by this same request.
 */
export function referenceUseProblem(
  user: StaffUser,
  requestId: string,
  hold: ReferenceHold | null,
): ForbiddenReason | null {
  if (hold === null || hold.held_by !== user.id) return 'reference_not_yours';
  if (hold.request_id !== null && hold.request_id !== requestId) return 'reference_used';
  return null;
}

/**
 * What a device sends to be topped up: its own id (a UUID it made and keeps, so each of a
 * coordinator's devices has a pool of its own) and the references it has used since.
 */
export const poolRequestSchema = v.strictObject(
  {
    device: v.pipe(v.string('invalid'), v.uuid('invalid')),
    used: v.pipe(
      v.array(
        v.pipe(
          v.string('invalid'),
          v.check((r) => parseReference(r) === r, 'invalid'),
        ),
        'invalid',
      ),
      v.maxLength(maxUsedReported, 'too_long'),
    ),
  },
  'invalid',
);
export type PoolRequest = v.InferOutput<typeof poolRequestSchema>;

/** What the server answers: the references this device may read out, one per call. */
export type PoolAnswer = { references: string[] };
