/**
 * `GET /api/reports/requests?from=YYYY-MM-DD&to=YYYY-MM-DD`: what the requests of a period came to
 * (#domain/reports/requests-report.ts), over the requests the signed-in coordinator or admin may
 * read (#domain/access/report-access.ts), aggregated here so no request leaves the server for it.
 * A bad period is a 400 with the field's code (`period`: `invalid_date`, `from_after_to`,
 * `too_long`); a volunteer is refused with 403.
 *
 * Read from the database a page at a time, keeping only each request's facts: a county's year of
 * requests is read in one pass of bounded memory. Not yet measured at the 200,000
 * requests (docs/architecture.md, "Reports").
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { londonDate } from '#domain/calendar-days.ts';
import { countsInReport, mayReadReports } from '#domain/access/report-access.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { parsePeriod } from '#domain/reports/report-period.ts';
import {
  requestFacts,
  requestsReport,
  type RequestFacts,
} from '#domain/reports/requests-report.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { apiError, methodNotAllowed } from '../http/api-error.ts';
import { toPolicyUser } from '../replication/policy-user.ts';
import type { ReplicatedDb } from '../storage/storage.ts';

export type ReportOptions = {
  db: ReplicatedDb;
  requireSession: MiddlewareHandler<SessionEnv>;
  now: () => Date;
};

const pageSize = 2000;

/** The facts of every request `viewer` may read, read a page at a time. */
async function readableFacts(db: ReplicatedDb, viewer: StaffUser, now: string) {
  const facts: RequestFacts[] = [];
  let startkey = 'request:';
  for (;;) {
    const page = await db.allDocs({
      startkey,
      endkey: 'request:\ufff0',
      include_docs: true,
      limit: pageSize + 1,
    });
    const rows = page.rows.slice(0, pageSize);
    for (const row of rows) {
      const doc = row.doc as unknown as RequestDoc | undefined;
      if (doc?.type === 'request' && countsInReport(viewer, doc, now))
        facts.push(requestFacts(doc));
    }
    if (page.rows.length <= pageSize) return facts;
    startkey = page.rows[pageSize]!.id;
  }
}

export function reportRoutes(options: ReportOptions): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  routes.use(options.requireSession);
  routes.get('/requests', async (c) => {
    const viewer = await toPolicyUser(options.db, c.var.user);
    if (!mayReadReports(viewer)) {
      return apiError(c, 403, 'forbidden', 'Reports are for coordinators and admins.');
    }
    const parsed = parsePeriod(c.req.query('from'), c.req.query('to'));
    if (!parsed.ok) {
      const reason = 'Give from and to as days (YYYY-MM-DD), from first, at most 366 days.';
      return apiError(c, 400, 'invalid_request', reason, { period: parsed.problem });
    }
    const now = options.now().toISOString();
    const report = requestsReport(
      await readableFacts(options.db, viewer, now),
      parsed.period,
      londonDate(now),
    );
    c.header('Cache-Control', 'private, no-store');
    return c.json(report, 200);
  });
  routes.all('/requests', methodNotAllowed(['GET', 'HEAD']));
  return routes;
}
