/**
 * The seam every recorded action goes through. An entry names who acted and on what by ids and
 * references (a staff user id, an area id), never by personal data: no name, username, phone or
 * address. A later piece of work reads them (an admin's screen, CSV) and records more kinds of
 * action (assignments, erasures, exports); this is only the writing side.
 */
export const auditActions = [
  'area_created',
  'area_changed',
  'account_created',
  'account_changed',
  'account_disabled',
  'account_enabled',
  'reset_code_issued',
  'password_reset',
  'settings_changed',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditEntry = {
  /** Who acted: a staff user id (accounts/staff-user-id.ts). */
  actor: string;
  action: AuditAction;
  /** What it was done to: `area:<id>`, `user:<staff user id>`, `settings:retention`. */
  target: string;
  /** Field names that changed, for a change; never their values when they are about a person. */
  fields?: string[];
};

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}
