import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foodSubmission } from '../../support/server/submission-fixtures.ts';
import { rawGet } from '../../support/server/raw-http.ts';
import {
  countDocs,
  postJson,
  startTestServer,
  type TestServer,
} from '../../support/server/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A body sent with `Transfer-Encoding: chunked` (no Content-Length), `chunks` at a time. */
function chunkedPost(chunks: string[]) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return fetch(`${server.url}/api/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
}

/** A valid submission padded with JSON whitespace to `bytes` bytes. */
function paddedSubmission(bytes: number): string {
  const json = JSON.stringify(foodSubmission());
  return json + ' '.repeat(bytes - Buffer.byteLength(json));
}

describe('the 64 KB body limit', () => {
  it('refuses 64 KB + 1 byte with a Content-Length with 413 and stores nothing', async () => {
    const before = await countDocs(server.storage);
    const res = await postJson(server, paddedSubmission(64 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'payload_too_large',
      reason: expect.any(String) as string,
    });
    expect(await countDocs(server.storage)).toEqual(before);
  });

  it('refuses a chunked body over 64 KB with 413 and stores nothing', async () => {
    const before = await countDocs(server.storage);
    const body = paddedSubmission(80 * 1024);
    const chunks = Array.from({ length: 10 }, (_, i) => body.slice(i * 8192, (i + 1) * 8192));
    const res = await chunkedPost(chunks);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe('payload_too_large');
    expect(await countDocs(server.storage)).toEqual(before);
  });

  it('reads a chunked body under the limit', async () => {
    const body = paddedSubmission(60 * 1024);
    const res = await chunkedPost([
      body.slice(0, 100),
      body.slice(100, 30_000),
      body.slice(30_000),
    ]);
    expect(res.status).toBe(201);
  });

  it('keeps serving after refusing a large body', async () => {
    await postJson(server, paddedSubmission(200 * 1024));
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });
});

describe('what Node refuses before the app sees it', () => {
  it('answers an address over 16 KB with 431 in the error shape, and keeps serving', async () => {
    const res = await rawGet(server.port, `/api/requests/${'1'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body)).toMatchObject({ error: 'payload_too_large' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
