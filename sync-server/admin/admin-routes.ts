/**
 * `/api/admin`: areas, accounts and settings, for enabled admins only (`mayAdminister`,
 * #domain/admin/admin-access.ts). Without a session 401; a disabled account 403 `account_disabled`
 * (requireSession); a coordinator or volunteer 403 `forbidden`. Bad input is 400 `invalid_request`
 * with `fields` (each a code the pages translate) and changes nothing; every change made is
 * recorded in the audit log by ids alone.
 *
 *   GET  /areas                      every area
 *   POST /areas                      create one: { name_cy, name_en, postcode_districts, active }
 *   PUT  /areas/:id                  change one (same body)
 *   GET  /accounts                   every account (no password or session data)
 *   POST /accounts                   create: { username, display_name, role, areas } → a one-time code
 *   PATCH /accounts/:username        change: { role?, areas?, disabled? }
 *   POST /accounts/:username/reset-code   a new one-time code for choosing a password
 *   GET|PUT /settings/retention      { finished_task_days, personal_data_days_after_close }
 *   GET  /audit?from&to&action        the audit log, newest first (audit-routes.ts)
 */
import { Hono } from 'hono';
import { mayAdminister } from '#domain/admin/admin-access.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { staffUserId } from '../accounts/staff-user-id.ts';
import { apiError } from '../http/api-error.ts';
import type { AdminContext, AdminRoutesOptions } from './admin-context.ts';
import { areaAdminRoutes } from './area-routes.ts';
import { accountAdminRoutes } from './account-routes.ts';
import { settingsRoutes } from './settings-routes.ts';
import { auditRoutes } from './audit-routes.ts';

export function adminRoutes(options: AdminRoutesOptions): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  routes.use('*', options.requireSession, async (c, next) => {
    if (!mayAdminister({ role: c.var.user.role, disabled: false })) {
      return apiError(c, 403, 'forbidden', 'Only admins may do this.');
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });
  const ctx: AdminContext = {
    ...options,
    record: (c, action, target, fields) =>
      options.audit.record({
        actor: staffUserId(c.var.user.username),
        action,
        target,
        ...(fields ? { fields } : {}),
      }),
  };
  routes.route('/areas', areaAdminRoutes(ctx));
  routes.route('/accounts', accountAdminRoutes(ctx));
  routes.route('/settings', settingsRoutes(ctx));
  routes.route('/audit', auditRoutes(options.storage.serverOnly));
  return routes;
}
