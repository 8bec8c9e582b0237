import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubmissionReceipt } from '#domain/requests/submission.ts';
import type { DocStore, Storage } from '../../../sync-server/storage/storage.ts';
import { foodSubmission } from '../../support/server/submission-fixtures.ts';
import {
  countDocs,
  postJson,
  startTestServer,
  type TestServer,
} from '../../support/server/test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/**
 * Storage whose replicated database fails its writes while `crashing.on` is true, after
 * `crashing.allowedWrites` successful ones: the server dying between two writes, as seen by the
 * next request.
 */
function crashingWrites(crashing: { on: boolean; allowedWrites: number }) {
  return (storage: Storage): Storage => {
    const real = storage.replicated;
    const replicated: DocStore = {
      get: (id) => real.get(id),
      remove: (id) => real.remove(id),
      idsWithPrefix: (prefix) => real.idsWithPrefix(prefix),
      ping: () => real.ping(),
      close: () => real.close(),
      putIfAbsent: async (doc) => {
        if (crashing.on && crashing.allowedWrites-- <= 0) throw new Error('simulated crash');
        return real.putIfAbsent(doc);
      },
    };
    return { ...storage, replicated };
  };
}

describe('a crash between writes', () => {
  it.each([
    ['before the request document', 0],
    ['between the request and contact documents', 1],
  ])('is completed by the next attempt when it happens %s', async (_when, allowedWrites) => {
    const crashing = { on: true, allowedWrites };
    server = await startTestServer({ wrapStorage: crashingWrites(crashing) });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const submission = foodSubmission();

    const failed = await postJson(server, submission);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      error: 'internal',
      reason: expect.any(String) as string,
    });
    expect(log).toHaveBeenCalled();
    const afterCrash = await countDocs(server.storage);
    expect(afterCrash).toMatchObject({ receipt: 1, ref: 1, request: allowedWrites, contact: 0 });

    crashing.on = false;
    const retried = await postJson(server, submission);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('Idempotent-Replayed')).toBe('true');
    const receipt = (await retried.json()) as SubmissionReceipt;
    expect(await countDocs(server.storage)).toMatchObject({
      receipt: 1,
      ref: 1,
      request: 1,
      contact: 1,
    });
    const request = await server.storage.replicated.get(`request:${receipt.id}`);
    expect(request).toMatchObject({ reference: receipt.reference });

    // And the device can now ask for the status with the token it was given.
    const status = await fetch(`${server.url}/api/requests/${receipt.reference}`, {
      headers: { Authorization: `Bearer ${receipt.status_token}` },
    });
    expect(status.status).toBe(200);
  });

  it('answers any thrown error with a 500 that reveals nothing', async () => {
    const crashing = { on: true, allowedWrites: 0 };
    server = await startTestServer({ wrapStorage: crashingWrites(crashing) });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await postJson(server, foodSubmission());
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(text).not.toContain('simulated crash');
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
