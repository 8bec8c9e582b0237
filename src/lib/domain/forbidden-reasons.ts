/**
 * Why a write was refused: stable codes the server returns as `{ "error": "forbidden", "reason" }`
 * and the device translates (docs/architecture.md, "Bad input").
 */
export const forbiddenReasons = [
  'disabled',
  'invalid_document',
  'missing_request',
  'role_cannot_write',
  'not_your_document',
  'outside_your_areas',
  'not_assigned_to_you',
  'already_assigned',
  'invalid_transition',
  // A volunteer's task (requests/lifecycle.ts): set off or finished before accepting it; handed
  // back with no reason; marked done with no outcome.
  'not_accepted',
  'reason_required',
  'outcome_required',
  'invalid_duplicate',
  // Marking a request a duplicate when others are duplicates of it (duplicates/mark-duplicate.ts).
  'has_duplicates',
  'read_only_field',
  'wrong_author',
  'unstamped_change',
  'append_only',
  'cannot_delete',
  'was_deleted',
  'clock_ahead',
  'invalid_history',
  'not_assignable',
  'no_longer_yours',
  'needs_an_area',
  // A hand-over to another area (handover/): to one that does not exist; a claim that arrived
  // after the request had been handed out of the volunteer's areas; a move with no event giving
  // its reason (handover/handover-reason.ts).
  'unknown_area',
  'handed_over',
  'no_handover_reason',
  // An event only the server keeps (records/server-events.ts).
  'server_only',
  // A request created by a member of staff (phone intake: intake/reference-pool.ts).
  'not_phone_intake',
  'reference_not_yours',
  'reference_used',
] as const;
export type ForbiddenReason = (typeof forbiddenReasons)[number];

export type WriteVerdict = { ok: true } | { ok: false; reason: ForbiddenReason };

export const allowed: WriteVerdict = { ok: true };
export const forbidden = (reason: ForbiddenReason): WriteVerdict => ({ ok: false, reason });
