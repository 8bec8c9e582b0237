/**
 * `npm run bench -- fuzz`: 10,000 generated hostile inputs (`BENCH_FUZZ_RUNS`) against every
 * endpoint of the real server, by every role (tests/support/fuzz/endpoint-fuzz.ts), on embedded
 * storage; the integration suite runs a short seed of the same on every CI run. Prints how many
 * were tried, every failure with the input that caused it, what each endpoint answered (so a run
 * that never got past the first check shows as such), and, after, stored documents the domain
 * refuses. `BENCH_FUZZ_SEED` repeats a run.
 */
import fc from 'fast-check';
import { area } from '../../../tests/support/factories.ts';
import {
  describeInput,
  fuzzInput,
  probe,
  storedProblems,
} from '../../../tests/support/fuzz/endpoint-fuzz.ts';
import { startAccountServer } from '../../../tests/support/staff/account-fixtures.ts';
import { seed, staff } from '../../../tests/support/staff/replication-fixtures.ts';

export async function runFuzzBench(): Promise<number> {
  const runs = Number(process.env.BENCH_FUZZ_RUNS ?? 10_000);
  const fuzzSeed = Number(process.env.BENCH_FUZZ_SEED ?? Date.now() % 2 ** 31);
  console.log('\nFuzz bench (npm run bench -- fuzz)');
  const server = await startAccountServer({
    rateLimitPerMinute: 1_000_000,
    writesPerMinute: 1_000_000,
  });
  try {
    await seed(server, [area('ceredigion')]);
    const [volunteer, coordinator, admin] = await Promise.all([
      staff(server, 'fuzz-volunteer', 'volunteer', ['ceredigion']),
      staff(server, 'fuzz-coordinator', 'coordinator', ['ceredigion']),
      staff(server, 'fuzz-admin', 'admin', []),
    ]);
    const cookies = {
      volunteer: volunteer.cookie,
      coordinator: coordinator.cookie,
      admin: admin.cookie,
    };
    const ids = {
      volunteer: volunteer.user.id,
      coordinator: coordinator.user.id,
      admin: admin.user.id,
    };
    const inputs = fc.sample(fuzzInput, { numRuns: runs, seed: fuzzSeed });
    const failures: string[] = [];
    const answered = new Map<string, Map<string, number>>();
    const started = performance.now();
    let slowest = 0;
    for (const input of inputs) {
      const t0 = performance.now();
      const { status, problem } = await probe(server, cookies, ids, input);
      slowest = Math.max(slowest, performance.now() - t0);
      const key = input.method
        ? 'another method, any path'
        : `${input.endpoint.method} ${input.endpoint.path}`;
      const verdict = problem !== null ? 'FAILED' : `${Math.floor(status / 100)}xx`;
      const counts = answered.get(key) ?? new Map<string, number>();
      counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
      answered.set(key, counts);
      if (problem !== null) failures.push(`${problem}\n      input: ${describeInput(input)}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const stored = await storedProblems(server);
    const health = (await fetch(`${server.url}/healthz`)).status;

    console.log(`  command: BENCH_FUZZ_SEED=${fuzzSeed} npm run bench -- fuzz`);
    console.log(
      `  inputs tried                    ${runs.toLocaleString('en-GB')} in ${seconds.toFixed(1)} s (slowest answer ${slowest.toFixed(0)} ms)`,
    );
    console.log(`  failures                        ${failures.length}`);
    console.log(`  stored documents refused        ${stored.length}`);
    console.log(`  health afterwards               ${health}`);
    // Accepted (2xx) as well as refused (4xx) shows the input got past the first checks.
    console.log('  answers by endpoint:');
    for (const [key, counts] of [...answered].sort()) {
      const shown = ['2xx', '3xx', '4xx', 'FAILED']
        .filter((v) => counts.has(v))
        .map((v) => `${v} ${counts.get(v)}`)
        .join(', ');
      console.log(`    ${key.padEnd(28)} ${shown}`);
    }
    for (const f of failures.slice(0, 20)) console.log(`  ✗ ${f}`);
    for (const p of stored.slice(0, 20)) console.log(`  ✗ stored: ${p}`);
    return failures.length + stored.length + (health === 200 ? 0 : 1);
  } finally {
    await server.close();
  }
}
