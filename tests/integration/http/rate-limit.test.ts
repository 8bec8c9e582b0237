import { afterEach, describe, expect, it } from 'vitest';
import { foodSubmission } from '../../support/server/submission-fixtures.ts';
import { postJson, startTestServer, type TestServer } from '../../support/server/test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the per-address submission limit', () => {
  it('answers 429 with Retry-After once an address has used its submissions', async () => {
    server = await startTestServer({ rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postJson(server, foodSubmission())).status);
    // Invalid submissions count too: the limit protects the server, not only the queue.
    statuses.push((await postJson(server, '{')).status);
    expect(statuses).toEqual([201, 201, 201, 429]);

    const res = await postJson(server, foodSubmission());
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await res.json()).toEqual({
      error: 'rate_limited',
      reason: expect.any(String) as string,
    });
    // Reading status and pages is not limited.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    server = await startTestServer({ rateLimitPerMinute: 1 });
    const first = await postJson(server, foodSubmission(), { 'X-Forwarded-For': '203.0.113.1' });
    const second = await postJson(server, foodSubmission(), { 'X-Forwarded-For': '203.0.113.2' });
    expect([first.status, second.status]).toEqual([201, 429]);
  });
});
