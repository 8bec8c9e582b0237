/**
 * A resident's request goes to the coordinators of the area that covers their postcode district,
 * and is stored in the shape staff sync reads; a district no area lists stays unrouted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import { foodSubmission, withField } from '../../support/server/submission-fixtures.ts';
import { postJson, startTestServer, type TestServer } from '../../support/server/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.storage.replicatedDb.bulkDocs([
    {
      _id: 'area:ceredigion',
      type: 'area',
      name_cy: 'Ceredigion',
      name_en: 'Ceredigion',
      postcode_districts: ['SA48', 'SY23'],
    },
    {
      _id: 'area:gwynedd',
      type: 'area',
      name_cy: 'Gwynedd',
      name_en: 'Gwynedd',
      postcode_districts: ['LL55'],
    },
  ]);
});
afterAll(() => server.close());

async function storedAfterSubmitting(postcode: string) {
  const submission = withField(foodSubmission(), ['contact', 'postcode'], postcode);
  const res = await postJson(server, submission);
  expect(res.status).toBe(201);
  return server.storage.replicated.get<{ _id: string; area: string | null }>(
    `request:${String(submission.id)}`,
  );
}

describe('routing a resident request to an area', () => {
  it('routes by postcode district, written however the resident typed it', async () => {
    expect((await storedAfterSubmitting('sy23 3dy'))?.area).toBe('ceredigion');
    expect((await storedAfterSubmitting('LL55 1AB'))?.area).toBe('gwynedd');
  });

  it('leaves a district no area covers unrouted', async () => {
    expect((await storedAfterSubmitting('CF10 1AA'))?.area).toBeNull();
  });

  it('stores a request that staff sync accepts as a staff document', async () => {
    const stored = await storedAfterSubmitting('SA48 7AA');
    expect(parseStaffDoc(stored)).toMatchObject({ ok: true });
  });
});
