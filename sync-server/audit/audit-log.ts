/**
 * The seam every recorded action goes through. An entry names who acted and on what by ids and
 * references (a staff user id, an area id), never by personal data: no name, username, phone or
 * address. Admins read them (admin/audit-routes.ts); more kinds of action (assignments, erasures,
 * exports) are still to be recorded.
 */
import type { AuditAction } from '#domain/admin/audit-actions.ts';

export type { AuditAction };

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
