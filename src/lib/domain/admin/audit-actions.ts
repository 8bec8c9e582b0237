/**
 * The kinds of action the audit log records (sync-server/audit/): the server's log and the admins'
 * page (its filter, and its labels, `audit.actions` in each admin.json of locales) read the one list.
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
