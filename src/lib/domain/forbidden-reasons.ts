/**
 * Why a write was refused: stable codes the server returns as `{ "error": "forbidden", "reason" }`
 * and the device translates (STYLE.md, "Errors").
 */
export const forbiddenReasons = [
  'disabled',
  'invalid-document',
  'missing-request',
  'role-cannot-write',
  'not-your-document',
  'outside-your-areas',
  'not-assigned-to-you',
  'already-assigned',
  'invalid-transition',
  'read-only-field',
  'wrong-author',
  'unstamped-change',
  'append-only',
  'cannot-delete',
  'was-deleted',
  'clock-ahead',
  'invalid-history',
  'not-assignable',
  'no-longer-yours',
  'needs-an-area',
] as const;
export type ForbiddenReason = (typeof forbiddenReasons)[number];

export type WriteVerdict = { ok: true } | { ok: false; reason: ForbiddenReason };

export const allowed: WriteVerdict = { ok: true };
export const forbidden = (reason: ForbiddenReason): WriteVerdict => ({ ok: false, reason });
