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
  'invalid_duplicate',
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
  // A request created by a member of staff (phone intake: intake/reference-pool.ts).
  'not_phone_intake',
  'reference_not_yours',
  'reference_used',
] as const;
export type ForbiddenReason = (typeof forbiddenReasons)[number];

export type WriteVerdict = { ok: true } | { ok: false; reason: ForbiddenReason };

export const allowed: WriteVerdict = { ok: true };
export const forbidden = (reason: ForbiddenReason): WriteVerdict => ({ ok: false, reason });
