/**
 * `GET /api/reports/requests?from=YYYY-MM-DD&to=YYYY-MM-DD`: what the requests of a period came to
 * (#domain/reports/requests-report.ts), over the requests the signed-in coordinator or admin may
 * read (#domain/access/report-access.ts, judged on the routing index's fields, as reads are), from
 * the facts kept in memory (report-facts.ts): no body is read, and no request leaves the server.
 * A bad period is a 400 with the field's code (`period`: `invalid_date`, `from_after_to`,
 * `too_long`); a volunteer is refused with 403.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { londonDate } from '#domain/calendar-days.ts';
import { countsInReport, mayReadReports } from '#domain/access/report-access.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { parsePeriod } from '#domain/reports/report-period.ts';
import { requestsReport, type Period, type RequestFacts } from '#domain/reports/requests-report.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { apiError, methodNotAllowed } from '../http/api-error.ts';
import { toPolicyUser } from '../replication/policy-user.ts';
import type { RoutingIndex } from '../replication/routing/routing-index.ts';
import type { ReplicatedDb } from '../storage/storage.ts';
import type { ReportFacts } from './report-facts.ts';

export type ReportOptions = {
  db: ReplicatedDb;
  /** The routing index `facts` observes: brought up to date before each report. */
  index: RoutingIndex;
  facts: ReportFacts;
  requireSession: MiddlewareHandler<SessionEnv>;
  now: () => Date;
};

/** The facts of every request of `period` that `viewer` may read, as the index judges it now. */
async function readableFacts(
  options: ReportOptions,
  viewer: StaffUser,
  now: string,
  period: Period,
) {
  await options.index.current();
  const readable: RequestFacts[] = [];
  for (const [id, facts] of options.facts.entries()) {
    if (facts.day < period.from || facts.day > period.to) continue;
    const routing = options.index.get(id)?.routing as RequestDoc | null | undefined;
    if (routing && countsInReport(viewer, routing, now)) readable.push(facts);
  }
  return readable;
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
      await readableFacts(options, viewer, now, parsed.period),
      parsed.period,
      londonDate(now),
    );
    c.header('Cache-Control', 'private, no-store');
    return c.json(report, 200);
  });
  routes.all('/requests', methodNotAllowed(['GET', 'HEAD']));
  return routes;
}
