import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseReference } from '#domain/requests/reference.ts';
import type { SubmissionReceipt } from '#domain/requests/submission.ts';
import {
  foodSubmission,
  onBehalfSubmission,
  otherSubmission,
  prescriptionSubmission,
  supportSubmission,
  withField,
} from '../../support/server/submission-fixtures.ts';
import {
  countDocs,
  postJson,
  startTestServer,
  type TestServer,
} from '../../support/server/test-server.ts';
import { forEachStorage } from '../../support/server/storages.ts';

forEachStorage('POST /api/requests', (storage) => {
  let server: TestServer;
  // The day the fixtures' help is needed by, so urgency shows which clock was used.
  const fixedNow = new Date('2030-01-15T09:30:00.000Z');

  beforeAll(async () => {
    server = await startTestServer({ storage, now: () => fixedNow });
  });
  afterAll(() => server.close());

  async function docsFor(id: string) {
    return {
      request: await server.storage.replicated.get(`request:${id}`),
      contact: await server.storage.replicated.get(`contact:${id}`),
    };
  }

  it('stores a new request once and answers 201 with a receipt', async () => {
    const before = await countDocs(server.storage);
    const submission = foodSubmission();
    const res = await postJson(server, submission);
    expect(res.status).toBe(201);
    expect(res.headers.get('Idempotent-Replayed')).toBeNull();
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const receipt = (await res.json()) as SubmissionReceipt;
    expect(Object.keys(receipt).sort()).toEqual(['id', 'reference', 'status_token']);
    expect(receipt.id).toBe(submission.id);
    expect(parseReference(receipt.reference)).toBe(receipt.reference);
    expect(receipt.status_token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const after = await countDocs(server.storage);
    expect(after.request - before.request).toBe(1);
    expect(after.contact - before.contact).toBe(1);
    expect(after.event - before.event).toBe(1);
    expect(after.receipt - before.receipt).toBe(1);
    expect(after.ref - before.ref).toBe(1);

    const { request, contact } = await docsFor(receipt.id);
    expect(request).toMatchObject({
      type: 'request',
      kind: 'food',
      reference: receipt.reference,
      postcode_district: 'CF10',
      status: 'new',
      urgency: 'high', // needed today by the server's clock; by the real clock it would be 'medium'
      created_at: fixedNow.toISOString(),
      updated_at: fixedNow.toISOString(),
    });
    // Personal data stays out of the request document: it goes to volunteers before assignment.
    expect(JSON.stringify(request)).not.toMatch(/Siân|07700|Heol/);
    expect(contact).toMatchObject({
      type: 'contact',
      request_id: `request:${receipt.id}`,
      contact: { phone: '07700900982', postcode: 'CF10 1AA', name: 'Siân Jones' },
    });
    // The history starts with the request: its created event, by the resident, when it arrived.
    expect(await server.storage.replicated.get(`event:${receipt.id}:${receipt.id}`)).toMatchObject({
      type: 'event',
      request_id: `request:${receipt.id}`,
      author: 'resident',
      field: 'created',
      from: null,
      to: 'new',
      at: fixedNow.toISOString(),
    });
    // The server-only receipt keeps a hash for checking tokens and never reaches the replicated db.
    const receiptDoc = await server.storage.serverOnly.get(`receipt:${receipt.id}`);
    expect(receiptDoc).toMatchObject({ reference: receipt.reference });
    expect(await server.storage.replicated.get(`receipt:${receipt.id}`)).toBeNull();
  });

  it.each([true, false])(
    'keeps the answer to sharing details (%s) on the request, as the resident’s, from the form',
    async (consented) => {
      const submission = withField(foodSubmission(), ['contact', 'consent_to_share'], consented);
      const res = await postJson(server, submission);
      expect(res.status).toBe(201);
      const { request } = await docsFor(submission.id as string);
      expect(request).toMatchObject({
        consent: { given: consented, how: 'form' },
        fields_meta: { consent: { at: fixedNow.toISOString(), by: 'resident' } },
      });
    },
  );

  it('answers an identical repeat with the identical body and stores nothing new', async () => {
    const submission = foodSubmission();
    const first = await postJson(server, submission);
    const firstText = await first.text();
    const before = await countDocs(server.storage);

    const repeat = await postJson(server, submission);
    expect(repeat.status).toBe(201);
    expect(repeat.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await repeat.text()).toBe(firstText);
    // Key order and whitespace are not part of the request's identity.
    const reordered = JSON.stringify(
      Object.fromEntries(Object.entries(submission).reverse()),
      null,
      2,
    );
    const third = await postJson(server, reordered);
    expect(third.status).toBe(201);
    expect(await third.text()).toBe(firstText);
    expect(await countDocs(server.storage)).toEqual(before);
  });

  it('stores five concurrent duplicates once and gives each the same receipt', async () => {
    const before = await countDocs(server.storage);
    const submission = supportSubmission();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => postJson(server, submission)),
    );
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(bodies).size).toBe(1);
    const replayed = responses.filter((r) => r.headers.get('Idempotent-Replayed') === 'true');
    expect(replayed).toHaveLength(4);

    const after = await countDocs(server.storage);
    expect(after.request - before.request).toBe(1);
    expect(after.contact - before.contact).toBe(1);
    expect(after.receipt - before.receipt).toBe(1);
    // References claimed by the losers of the race are given back.
    expect(after.ref - before.ref).toBe(1);
  });

  it('refuses the same id with a different body with 409 and keeps the first', async () => {
    const submission = foodSubmission();
    const first = (await (await postJson(server, submission)).json()) as SubmissionReceipt;
    const before = await countDocs(server.storage);
    const changed = withField(submission, ['details', 'household_size'], 3);
    const res = await postJson(server, changed);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: 'id_conflict',
      reason: expect.any(String) as string,
    });
    expect(await countDocs(server.storage)).toEqual(before);
    const { request } = await docsFor(first.id);
    expect(request).toMatchObject({ reference: first.reference });
    const { contact } = await docsFor(first.id);
    expect(contact).toMatchObject({ details: { household_size: 2 } });
  });

  it.each([
    ['on behalf of someone', onBehalfSubmission],
    ['prescription', prescriptionSubmission],
    ['self-isolation support', supportSubmission],
    ['other', otherSubmission],
  ])('accepts a valid %s request', async (_name, make) => {
    const submission = make();
    const res = await postJson(server, submission);
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as SubmissionReceipt;
    const { request } = await docsFor(receipt.id);
    expect(request).toMatchObject({ kind: submission.kind, reference: receipt.reference });
  });

  it('gives every request its own reference', async () => {
    const receipts = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await postJson(server, otherSubmission());
        return (await res.json()) as SubmissionReceipt;
      }),
    );
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(20);
    expect(new Set(receipts.map((r) => r.status_token)).size).toBe(20);
  });

  it('accepts a body of exactly 64 KB and compresses the JSON answer', async () => {
    const json = JSON.stringify(foodSubmission());
    const padded = json + ' '.repeat(64 * 1024 - Buffer.byteLength(json));
    expect(Buffer.byteLength(padded)).toBe(65_536);
    const res = await postJson(server, padded, { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(201);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect((await res.json()) as SubmissionReceipt).toHaveProperty('reference');
  });
});
