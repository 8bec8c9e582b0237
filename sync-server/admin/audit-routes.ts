/**
 * `GET /api/admin/audit?from=YYYY-MM-DD&to=YYYY-MM-DD&action=<action>`: the audit log for admins
 * (under /api/admin, so only an enabled admin reaches it), newest first, at most `maxListed`
 * entries of the period (days in UTC, as the entries' ids are stamped), optionally of one action.
 * The period is bounded as reports' are (#domain/reports/report-period.ts); an unknown action is
 * a 400. Entries hold ids and references only (audit/audit-log.ts); the page turns staff ids into names
 * from the accounts list an admin already reads, and exports CSV with formulas neutralised.
 */
import { Hono } from 'hono';
import { parsePeriod } from '#domain/reports/report-period.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { apiError } from '../http/api-error.ts';
import type { DocStore } from '../storage/storage.ts';
import { auditActions } from '#domain/admin/audit-actions.ts';
import type { StoredAuditEntry } from '../audit/stored-audit-log.ts';

export const maxListed = 500;

export function auditRoutes(store: DocStore): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  routes.get('/', async (c) => {
    const parsed = parsePeriod(c.req.query('from'), c.req.query('to'));
    if (!parsed.ok) {
      const reason = 'Give from and to as days (YYYY-MM-DD), from first, at most 366 days.';
      return apiError(c, 400, 'invalid_request', reason, { period: parsed.problem });
    }
    const action = c.req.query('action');
    if (action !== undefined && action !== '' && !auditActions.includes(action as never)) {
      return apiError(c, 400, 'invalid_request', 'No such action.', { action: 'invalid' });
    }
    const { from, to } = parsed.period;
    // Ids are `audit:<ISO instant>:<uuid>`, so they sort by time and a day is a prefix range.
    const ids = (await store.idsWithPrefix('audit:'))
      .filter((id) => {
        const day = id.slice(6, 16);
        return day >= from && day <= to;
      })
      .sort()
      .reverse();
    const entries: StoredAuditEntry[] = [];
    let read = 0;
    for (const id of ids) {
      if (entries.length === maxListed) break;
      read++;
      const entry = await store.get<StoredAuditEntry>(id);
      if (entry !== null && (!action || entry.action === action)) entries.push(entry);
    }
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        entries: entries.map(({ at, actor, action, target, fields }) => ({
          at,
          actor,
          action,
          target,
          fields: fields ?? [],
        })),
        // Stopped at the most listed with entries of the period still unread.
        more: read < ids.length,
      },
      200,
    );
  });
  return routes;
}
