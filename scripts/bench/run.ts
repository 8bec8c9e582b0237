/**
 * `npm run bench`: every benchmark, measured on this machine and printed with the command behind
 * each figure, beside a baseline when `BENCH_BASELINE=<git ref>` is set. Performance is measured
 * here, never asserted in tests. One part only: `npm run bench -- resident`, `-- sync`, `-- desk`,
 * `-- route`, `-- volunteer`, `-- fuzz` or `-- reports` (or `BENCH_ONLY=<part>`).
 *
 *   resident  what a resident's phone downloads, and Lighthouse (resident-run.ts)
 *   sync      staff devices' first sync beside a plain CouchDB-style server and the IndexedDB
 *             floor, many first syncs at once, and edit → device propagation (sync/run-sync.ts)
 *   desk      the coordinator's desk with 50,000 requests on the device at 4× CPU throttling:
 *             queue, filters, search, catch-up, ranking and heap (desk/run-desk.ts)
 *   route     ordering a volunteer's 25 stops, in Node: time, and length beside the best of
 *             1,000 random-restart 2-opt runs (route/run-route.ts)
 *   volunteer a volunteer's phone in the built app: the gzipped JS of their first load (PouchDB
 *             and Leaflet apart), and the task list with 200 tasks opened offline at 4× CPU
 *             throttling beside the same page with none (volunteer/run-volunteer.ts)
 *   fuzz      10,000 generated hostile inputs against every endpoint by every role: failures,
 *             and what each endpoint was sent (fuzz/run-fuzz.ts)
 *   reports   the requests report over a seeded year of 200,000 requests: the server's time
 *             beside reading every request once (reports/run-reports.ts)
 */
export {};

const parts = ['resident', 'sync', 'desk', 'route', 'volunteer', 'fuzz', 'reports'] as const;
const asked = (process.argv[2] ?? process.env.BENCH_ONLY ?? '').trim();
if (asked !== '' && !parts.includes(asked as (typeof parts)[number])) {
  console.error(`Unknown part "${asked}": npm run bench [-- ${parts.join(' | ')}]`);
  process.exit(2);
}
const runs = (part: (typeof parts)[number]) => asked === '' || asked === part;

if (runs('resident')) await import('./resident/resident-run.ts');
if (runs('sync')) {
  const { runSyncBench } = await import('./sync/run-sync.ts');
  const failures = await runSyncBench();
  if (failures > 0) {
    console.error(`${failures} sync measurement(s) of the current server failed; see above.`);
    process.exitCode = 1;
  }
}
if (runs('desk')) {
  const { runDeskBench } = await import('./desk/run-desk.ts');
  await runDeskBench();
}
if (runs('route')) {
  const { runRouteBench } = await import('./route/run-route.ts');
  await runRouteBench();
}
if (runs('volunteer')) {
  const { runVolunteerBench } = await import('./volunteer/run-volunteer.ts');
  const failures = await runVolunteerBench();
  if (failures > 0) {
    console.error(`${failures} volunteer measurement(s) failed; see above.`);
    process.exitCode = 1;
  }
}
if (runs('fuzz')) {
  const { runFuzzBench } = await import('./fuzz/run-fuzz.ts');
  const failures = await runFuzzBench();
  if (failures > 0) {
    console.error(`${failures} fuzz failure(s); see above.`);
    process.exitCode = 1;
  }
}
if (runs('reports')) {
  const { runReportsBench } = await import('./reports/run-reports.ts');
  await runReportsBench();
}
