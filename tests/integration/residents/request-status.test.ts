import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SubmissionReceipt } from '#domain/requests/submission.ts';
import { finish } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { testUuid } from '../../support/factories.ts';
import { formatReference, makeReference } from '#domain/requests/reference.ts';
import { foodSubmission } from '../../support/server/submission-fixtures.ts';
import { postJson, startTestServer, type TestServer } from '../../support/server/test-server.ts';
import { forEachStorage } from '../../support/server/storages.ts';

forEachStorage('GET /api/requests/:reference', (storage) => {
  let server: TestServer;
  let receipt: SubmissionReceipt;
  let other: SubmissionReceipt;

  beforeAll(async () => {
    server = await startTestServer({ storage });
    receipt = (await (await postJson(server, foodSubmission())).json()) as SubmissionReceipt;
    other = (await (await postJson(server, foodSubmission())).json()) as SubmissionReceipt;
  });
  afterAll(() => server.close());

  const getStatus = (reference: string, authorization?: string) =>
    fetch(`${server.url}/api/requests/${encodeURIComponent(reference)}`, {
      headers: authorization === undefined ? {} : { Authorization: authorization },
    });

  it('answers the status, and nothing else, to the holder of the token', async () => {
    const res = await getStatus(receipt.reference, `Bearer ${receipt.status_token}`);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(['reference', 'status', 'updated_at']);
    const stored = await server.storage.replicated.get<{ _id: string; updated_at: string }>(
      `request:${receipt.id}`,
    );
    expect(answer).toEqual({
      reference: receipt.reference,
      status: 'new',
      updated_at: stored?.updated_at,
    });
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('tells how a volunteer’s visit ended, never in the volunteer’s words', async () => {
    const id = `request:${other.id}`;
    const doc = await server.storage.replicatedDb.get<RequestDoc>(id);
    const outcome = { kind: 'could_not_complete', reason: 'Mrs Jones was in hospital' } as const;
    await server.storage.replicatedDb.put(
      finish(doc, testUuid(), outcome, new Date().toISOString()),
    );
    const res = await getStatus(other.reference, `Bearer ${other.status_token}`);
    const answer = (await res.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ status: 'triaged', outcome: 'could_not_complete' });
    expect(JSON.stringify(answer)).not.toContain('hospital');
  });

  it('accepts the reference as people write it', async () => {
    const res = await getStatus(
      `#${formatReference(receipt.reference)}`,
      `bearer ${receipt.status_token}`,
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { reference: string }).reference).toBe(receipt.reference);
  });

  it('gives one and the same 404 for a wrong token, no token and an unknown reference', async () => {
    // A valid reference (its check digit is right) that no request has been given.
    const unknown = makeReference(() => 0);
    expect([receipt.reference, other.reference]).not.toContain(unknown);
    const attempts = [
      getStatus(receipt.reference, `Bearer ${other.status_token}`),
      getStatus(receipt.reference, `Bearer ${withLastCharacterChanged(receipt.status_token)}`),
      getStatus(receipt.reference, `Bearer ${receipt.status_token}x`),
      getStatus(receipt.reference),
      getStatus(receipt.reference, receipt.status_token),
      getStatus(receipt.reference, `Basic ${receipt.status_token}`),
      getStatus(unknown, `Bearer ${receipt.status_token}`),
      getStatus(unknown),
    ];
    const answers = await Promise.all(
      attempts.map(async (p) => {
        const res = await p;
        return { status: res.status, body: await res.text() };
      }),
    );
    const expected = { status: 404, body: answers[0]!.body };
    expect(JSON.parse(expected.body)).toEqual({ error: 'not_found', reason: expect.any(String) });
    for (const answer of answers) expect(answer).toEqual(expected);
  });

  it.each([
    ['too short', '12345'],
    ['letters', 'abcdefghi'],
    ['a letter among digits', '48217390x'],
    ['ten digits', '1234567890'],
  ])('refuses a malformed reference (%s) with 400', async (_name, reference) => {
    const res = await getStatus(reference, `Bearer ${receipt.status_token}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_request',
      reason: expect.any(String) as string,
    });
  });

  it('refuses a reference whose check digit is wrong with 400', async () => {
    const last = Number(receipt.reference.at(-1));
    const typo = receipt.reference.slice(0, 8) + String((last + 1) % 10);
    const res = await getStatus(typo, `Bearer ${receipt.status_token}`);
    expect(res.status).toBe(400);
  });

  /** The same token but for its last character, which is changed for certain (1 in 64 tokens ends in
   * "A", so overwriting it with "A" would sometimes change nothing). */
  function withLastCharacterChanged(token: string): string {
    return token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
  }
});
