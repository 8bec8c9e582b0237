/**
 * `npm run bench -- reports`: the requests report (`GET /api/reports/requests`,
 * sync-server/reports/) over a seeded year of requests (200,000 by default,
 * `BENCH_REPORT_REQUESTS`) in 20 areas, on the real server with embedded storage: the server's
 * time for a year and for 28 days, as an admin (every area) and as a coordinator (two areas), p95
 * over `BENCH_REPORT_RUNS` (10). Beside it, in the same run, the floor any report read from the
 * database pays: reading every request once (`allDocs`, bodies included), with nothing counted.
 * The goal: p95 ≤ 1 s. The server reads the seeded requests into its index (routing
 * fields and report facts) once before the timing, as it does at start.
 */
import { londonDate } from '#domain/calendar-days.ts';
import { setRegister } from '#domain/requests/edits.ts';
import { routedRequest, type RequestDoc } from '#domain/requests/request.ts';
import { request, testUuid } from '../../../tests/support/factories.ts';
import { seededRandom } from '../../../tests/support/seeded-random.ts';
import { startAccountServer } from '../../../tests/support/staff/account-fixtures.ts';
import { staff } from '../../../tests/support/staff/replication-fixtures.ts';
import { loadAverage, step } from '../common/progress.ts';

const kinds = ['food', 'prescription', 'self_isolation_support', 'other'] as const;
const statuses = ['new', 'triaged', 'done', 'done', 'done', 'cancelled'] as const;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)]!;
}

export async function runReportsBench(): Promise<void> {
  const total = Number(process.env.BENCH_REPORT_REQUESTS ?? 200_000);
  const runs = Number(process.env.BENCH_REPORT_RUNS ?? 10);
  console.log('\nReports bench (npm run bench -- reports)');
  console.log(`  load average at the start ${loadAverage()}`);
  const server = await startAccountServer();
  try {
    const t0 = Date.now();
    const random = seededRandom(5);
    const areas = Array.from({ length: 20 }, (_, i) => `area-${i}`);
    const template = request();
    const now = Date.now();
    const yearMs = 365 * 86_400_000;
    for (let done = 0; done < total;) {
      const batch: RequestDoc[] = [];
      for (let i = 0; i < 5000 && done < total; i++, done++) {
        const made = new Date(now - random.int(yearMs)).toISOString();
        let doc: RequestDoc = {
          ...routedRequest(template, random.pick(areas)),
          _id: `request:${testUuid()}`,
          kind: random.pick(kinds),
          language: random.chance(0.3) ? 'cy' : 'en',
          created_at: made,
          updated_at: made,
        };
        const status = random.pick(statuses);
        if (status !== 'new') {
          const closed = new Date(Date.parse(made) + random.int(96) * 3_600_000).toISOString();
          doc = setRegister(doc, 'status', status, 'resident', closed);
        }
        batch.push(doc);
      }
      await server.storage.replicatedDb.bulkDocs(batch as PouchDB.Core.PutDocument<object>[]);
    }
    step(`seeded ${total.toLocaleString('en-GB')} requests`, t0);
    const [admin, coordinator] = await Promise.all([
      staff(server, 'bench-admin', 'admin', []),
      staff(server, 'bench-coordinator', 'coordinator', areas.slice(0, 2)),
    ]);
    // The server reads the new requests into its index once, as it would at start.
    const warm = Date.now();
    await fetch(`${server.url}/api/reports/requests?from=2000-01-01&to=2000-01-02`, {
      headers: { cookie: admin.cookie },
    });
    step('the server read them into its index (once, as at start)', warm);
    const today = londonDate(new Date().toISOString());
    const yearAgo = londonDate(new Date(now - 364 * 86_400_000).toISOString());
    const monthAgo = londonDate(new Date(now - 27 * 86_400_000).toISOString());
    const timed = async (cookie: string, from: string) => {
      const times: number[] = [];
      let received = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const res = await fetch(`${server.url}/api/reports/requests?from=${from}&to=${today}`, {
          headers: { cookie },
        });
        const body = (await res.json()) as { received?: number };
        times.push(performance.now() - start);
        if (!res.ok) throw new Error(`report answered ${res.status}`);
        received = body.received ?? 0;
      }
      return { p95: p95(times), received };
    };
    const cases = [
      ['a year, admin (every area)', await timed(admin.cookie, yearAgo)],
      ['28 days, admin', await timed(admin.cookie, monthAgo)],
      ['a year, coordinator (2 of 20 areas)', await timed(coordinator.cookie, yearAgo)],
    ] as const;
    // After the reports: reading every body leaves a heap the reports should not pay for.
    // The floor is slow (every body read): three reads are enough to see it.
    const floorRuns = Math.min(runs, 3);
    const floorTimes: number[] = [];
    for (let i = 0; i < floorRuns; i++) {
      const start = performance.now();
      await server.storage.replicatedDb.allDocs({
        startkey: 'request:',
        endkey: 'request:\ufff0',
        include_docs: true,
      });
      floorTimes.push(performance.now() - start);
    }
    const floor = p95(floorTimes);
    const worst = Math.max(...cases.map(([, c]) => c.p95));
    console.log(`  command: npm run bench -- reports`);
    console.log(`  load average at the end ${loadAverage()}`);
    console.log(
      `  report server time, p95 (n=${runs})      ${(worst / 1000).toFixed(2)} s  target ≤ 1 s   ${worst <= 1000 ? '✓ met' : '✗ MISSED'}`,
    );
    console.log(
      `      baseline: reading every request once (allDocs with bodies), p95 ${(floor / 1000).toFixed(2)} s (n=${floorRuns})`,
    );
    for (const [label, c] of cases) {
      console.log(
        `        ${label.padEnd(38)} p95 ${(c.p95 / 1000).toFixed(2)} s  (${c.received.toLocaleString('en-GB')} received)`,
      );
    }
  } finally {
    await server.close();
  }
}
