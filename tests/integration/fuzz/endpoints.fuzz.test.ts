/**
 * Every endpoint of the real server, fed generated hostile input by each role (issue "Nothing
 * lost when things break", "Bad input at scale"; tests/support/fuzz/endpoint-fuzz.ts says what is
 * generated and checked): no 5xx, an answer within a bound, the one error shape, nothing stored
 * that the domain refuses, and the server still well afterwards. A short seed here on every run
 * (`FUZZ_RUNS`, default 400; `FUZZ_SEED` to repeat one); `npm run bench -- fuzz` tries 10,000.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { area } from '../../support/factories.ts';
import {
  describeInput,
  fuzzInput,
  probe,
  storedProblems,
  type Cookies,
} from '../../support/fuzz/endpoint-fuzz.ts';
import { startAccountServer } from '../../support/staff/account-fixtures.ts';
import { seed, staff } from '../../support/staff/replication-fixtures.ts';
import type { TestServer } from '../../support/server/test-server.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 400);
const fuzzSeed = process.env.FUZZ_SEED === undefined ? Date.now() : Number(process.env.FUZZ_SEED);

let server: TestServer;
let cookies: Cookies;
let userIds: Record<keyof Cookies, string>;
beforeAll(async () => {
  // Limits high enough that the generated input reaches the checks behind them.
  server = await startAccountServer({ rateLimitPerMinute: 1_000_000, writesPerMinute: 1_000_000 });
  await seed(server, [area('ceredigion')]);
  const [volunteer, coordinator, admin] = await Promise.all([
    staff(server, 'fuzz-volunteer', 'volunteer', ['ceredigion']),
    staff(server, 'fuzz-coordinator', 'coordinator', ['ceredigion']),
    staff(server, 'fuzz-admin', 'admin', []),
  ]);
  cookies = { volunteer: volunteer.cookie, coordinator: coordinator.cookie, admin: admin.cookie };
  userIds = {
    volunteer: volunteer.user.id,
    coordinator: coordinator.user.id,
    admin: admin.user.id,
  };
});
afterAll(() => server?.close());

describe(`every endpoint with ${runs} generated hostile inputs (FUZZ_SEED=${fuzzSeed})`, () => {
  it('answers each within bounds, never 5xx, refusals in the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzInput, async (input) => {
        const { problem } = await probe(server, cookies, userIds, input);
        if (problem !== null) throw new Error(`${problem}\n  input: ${describeInput(input)}`);
      }),
      { numRuns: runs, seed: fuzzSeed, endOnFailure: true },
    );
  }, 600_000);

  it('stored nothing the domain refuses, and is still well', async () => {
    expect(await storedProblems(server)).toEqual([]);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
