/**
 * `GET /api/reports/requests` on the real server (sync-server/reports/): over a seeded world of
 * requests spread across three months and three areas (and some unrouted), a coordinator's report
 * counts exactly the requests of their areas made in the period, an admin's every one, each
 * checked against a count made here from the documents themselves; a volunteer is refused, and a
 * bad period is a 400 in the error shape that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '#domain/api-errors.ts';
import type { RequestsReport } from '#domain/reports/requests-report.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { startAccountServer } from '../../support/staff/account-fixtures.ts';
import { seed, staff, type Staff } from '../../support/staff/replication-fixtures.ts';
import { seededRandom } from '../../support/seeded-random.ts';
import { randomRequest } from '../../support/world/random-world.ts';
import { area } from '../../support/factories.ts';
import type { TestServer } from '../../support/server/test-server.ts';

let server: TestServer;
let cath: Staff;
let admin: Staff;
let vera: Staff;
let requests: RequestDoc[];

beforeAll(async () => {
  server = await startAccountServer();
  [cath, admin, vera] = await Promise.all([
    staff(server, 'cath', 'coordinator', ['ceredigion']),
    staff(server, 'admin', 'admin', []),
    staff(server, 'vera', 'volunteer', ['ceredigion']),
  ]);
  const random = seededRandom(11);
  const users = [cath.user, vera.user];
  requests = Array.from({ length: 90 }, () => {
    const doc = randomRequest(random, users);
    // Made on a day from 1 December 2029 to 28 February 2030 (GMT, so UTC days are Welsh days).
    const day = new Date(Date.UTC(2029, 11, 1) + random.int(90) * 86_400_000);
    return { ...doc, created_at: new Date(day.getTime() + 9 * 3_600_000).toISOString() };
  });
  await seed(server, [area('ceredigion'), ...requests]);
});
afterAll(() => server?.close());

function report(who: Staff | null, query: string) {
  return fetch(`${server.url}/api/reports/requests?${query}`, {
    headers: who ? { cookie: who.cookie } : {},
  });
}

/** The count made here, from the documents: made in January 2030, read by `inView`. */
function counted(inView: (r: RequestDoc) => boolean) {
  const january = requests.filter((r) => r.created_at.startsWith('2030-01') && inView(r));
  return {
    received: january.length,
    met: january.filter((r) => r.status === 'done').length,
    cancelled: january.filter((r) => r.status === 'cancelled').length,
  };
}

describe('the requests report', () => {
  it("counts a coordinator's own areas only, as the documents say", async () => {
    const res = await report(cath, 'from=2030-01-01&to=2030-01-31');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = (await res.json()) as RequestsReport;
    const expected = counted((r) => r.area === 'ceredigion');
    expect(expected.received).toBeGreaterThan(3);
    expect(body).toMatchObject(expected);
    expect(body.byArea.map((a) => a.key)).toEqual(['ceredigion']);
    expect(body.byWeek.reduce((n, w) => n + w.received, 0)).toBe(expected.received);
    expect(JSON.stringify(body)).not.toMatch(/request:|reference/);
  });

  it('counts every request for an admin, unrouted ones too', async () => {
    const body = (await (
      await report(admin, 'from=2030-01-01&to=2030-01-31')
    ).json()) as RequestsReport;
    expect(body).toMatchObject(counted(() => true));
    expect(body.byArea.map((a) => a.key)).toContain('gwynedd');
  });

  it('refuses a volunteer, and anyone not signed in', async () => {
    const refused = await report(vera, 'from=2030-01-01&to=2030-01-31');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ApiError).error).toBe('forbidden');
    expect((await report(null, 'from=2030-01-01&to=2030-01-31')).status).toBe(401);
  });

  it.each([
    ['from=2030-02-30&to=2030-03-01', 'invalid_date'],
    ['to=2030-03-01', 'invalid_date'],
    ['from=2030-03-02&to=2030-03-01', 'from_after_to'],
    ['from=2028-01-01&to=2030-01-01', 'too_long'],
  ])('answers a bad period (%s) with 400 and its code', async (query, code) => {
    const res = await report(cath, query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ApiError;
    expect(body).toMatchObject({ error: 'invalid_request', fields: { period: code } });
  });
});
