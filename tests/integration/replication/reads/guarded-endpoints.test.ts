import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docClassOf, noteDocId, requestContactId } from '#domain/documents/doc-ids.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { startAccountServer } from '../../../support/staff/account-fixtures.ts';
import { at, testUuid } from '../../../support/factories.ts';
import { dbFetch, expectedIds, stored } from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('the guarded /db endpoints', (storage) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  beforeAll(async () => {
    server = await startAccountServer({ storage, maxBulkBytes: 4096 });
    world = await seedWorld(server);
  });
  afterAll(() => server.close());

  const json = (body: unknown) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  async function expectJsonError(res: Response, status: number) {
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: expect.any(String), reason: expect.any(String) });
  }

  describe('/db is for signed-in staff only', () => {
    it.each([
      ['GET', '/db'],
      ['GET', '/db/_changes'],
      ['POST', '/db/_bulk_docs'],
      ['GET', '/db/_local/x'],
      ['GET', '/db/_design/x'],
    ])('%s %s without a session is 401', async (method, path) => {
      await expectJsonError(await dbFetch(server, path, { method }), 401);
    });
  });

  describe('everything but replication is refused', () => {
    it.each([
      ['GET', '/db/_design/all'],
      ['PUT', '/db/_design/all'],
      ['POST', '/db/_compact'],
      ['POST', '/db/_purge'],
      ['POST', '/db/_find'],
      ['GET', '/db/_security'],
      ['GET', '/db/_all_docs/extra'],
      ['PUT', '/db'],
      ['DELETE', '/db'],
      ['PUT', '/db/request:whatever'],
      ['DELETE', '/db/request:whatever'],
      ['GET', '/db/request:x/attachment.txt'],
      ['GET', '/db/_changes?feed=continuous'],
      ['GET', '/db/_changes?feed=eventsource'],
    ])('%s %s is a JSON 4xx', async (method, path) => {
      const res = await dbFetch(server, path, { method, cookie: world.cath.cookie });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await res.json()).toMatchObject({ error: expect.any(String) });
    });

    it.each(
      [
        '/_all_dbs',
        '/_session',
        '/_users',
        '/_config',
        '/_utils/',
        '/_replicate',
        '/cymorth',
      ].flatMap((path) => [
        ['GET', path],
        ['POST', path],
      ]),
    )('%s %s (a CouchDB admin path) is a JSON 4xx', async (method, path) => {
      const res = await dbFetch(server, path, { method, cookie: world.cath.cookie });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    });
  });

  describe('reads never reveal what the user may not see', () => {
    it('404 on GET, not_found in bulk_get and all_docs, missing in revs_diff', async () => {
      const owens = world.requests.owens;
      const cookie = world.vera.cookie;
      await expectJsonError(await dbFetch(server, `/db/${owens._id}`, { cookie }), 404);
      const rev = (await server.storage.replicatedDb.get(owens._id))._rev;
      const bulk = await dbFetch(server, '/db/_bulk_get?revs=true', {
        ...json({ docs: [{ id: owens._id, rev }] }),
        cookie,
      });
      expect(JSON.stringify(await bulk.json())).not.toContain('"ok"');
      const all = await dbFetch(server, '/db/_all_docs', {
        ...json({ keys: [owens._id] }),
        cookie,
      });
      expect(await all.json()).toMatchObject({ rows: [{ key: owens._id, error: 'not_found' }] });
      const diff = await dbFetch(server, '/db/_revs_diff', {
        ...json({ [owens._id]: [rev] }),
        cookie,
      });
      expect(await diff.json()).toEqual({ [owens._id]: { missing: [rev] } });
      // The same request, visible to the coordinator, is there for them.
      const mine = await dbFetch(server, `/db/${owens._id}`, { cookie: world.cath.cookie });
      expect(mine.status).toBe(200);
    });
  });

  describe('listings hold exactly what canRead allows', () => {
    it.each(['cath', 'vera', 'owen', 'gwen'] as const)('for %s', async (name) => {
      const person = world[name];
      const expected = expectedIds(person.user, world.docs, new Date().toISOString());
      const changes = await dbFetch(server, '/db/_changes?style=all_docs', {
        cookie: person.cookie,
      });
      const feed = (await changes.json()) as { results: { id: string }[] };
      expect(feed.results.map((r) => r.id).sort()).toEqual(expected);
      const all = await dbFetch(server, '/db/_all_docs?include_docs=true', {
        cookie: person.cookie,
      });
      const rows = ((await all.json()) as { rows: { id: string }[] }).rows.map((r) => r.id);
      expect(rows.filter((id) => docClassOf(id) !== null).sort()).toEqual(expected);
    });
  });

  describe('checkpoints are kept per user', () => {
    it('one user can neither read nor overwrite another’s _local document', async () => {
      const put = (cookie: string, body: unknown) =>
        dbFetch(server, '/db/_local/checkpoint-1', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          cookie,
        });
      expect((await put(world.vera.cookie, { last_seq: 'vera' })).status).toBe(201);
      await expectJsonError(
        await dbFetch(server, '/db/_local/checkpoint-1', { cookie: world.owen.cookie }),
        404,
      );
      // Owen writes the same id without a revision: his own document, not a conflict with Vera's.
      expect((await put(world.owen.cookie, { last_seq: 'owen' })).status).toBe(201);
      const veras = await dbFetch(server, '/db/_local/checkpoint-1', { cookie: world.vera.cookie });
      expect(await veras.json()).toMatchObject({ _id: '_local/checkpoint-1', last_seq: 'vera' });
    });
  });

  describe('bad input gets 4xx or a per-document refusal and stores nothing', () => {
    const noteId = () => noteDocId(world.requests.veras._id, testUuid());
    const validNote = (id: string) => ({
      _id: id,
      type: 'note',
      request_id: world.requests.veras._id,
      author: world.cath.user.id,
      text: 'Galwad ffôn / phone call',
      for_assignee: true,
      created_at: at(60),
    });
    const post = (body: string, contentType = 'application/json') =>
      dbFetch(server, '/db/_bulk_docs', {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body,
        cookie: world.cath.cookie,
      });

    it('malformed JSON is 400, a wrong content type 415, an oversized batch 413', async () => {
      const id = noteId();
      await expectJsonError(await post(`{"docs":[${JSON.stringify(validNote(id))}`), 400);
      await expectJsonError(
        await post(JSON.stringify({ docs: [validNote(id)] }), 'text/plain'),
        415,
      );
      const big = { docs: [validNote(id), { ...validNote(noteId()), text: 'x'.repeat(5000) }] };
      await expectJsonError(await post(JSON.stringify(big)), 413);
      await expectJsonError(await post(JSON.stringify({ docs: 'nope' })), 400);
      expect(await stored(server, id)).toBeNull();
    });

    it('an invalid document or a __proto__ key is refused per document', async () => {
      const invalid = { ...validNote(noteId()), text: 42 };
      const proto = `{ "__proto__": { "admin": true }, ${JSON.stringify(validNote(noteId())).slice(1)}`;
      const unknownClass = { _id: 'user:cath', type: 'user', role: 'admin' };
      const good = validNote(noteId());
      const res = await post(
        `{"docs":[${JSON.stringify(invalid)},${proto},${JSON.stringify(unknownClass)},${JSON.stringify(good)}]}`,
      );
      expect(res.status).toBe(201);
      const answer = (await res.json()) as { id: string; error?: string; reason?: string }[];
      expect(answer.slice(0, 3)).toEqual([
        { id: invalid._id, error: 'forbidden', reason: 'invalid_document' },
        expect.objectContaining({ error: 'forbidden', reason: 'invalid_document' }),
        { id: 'user:cath', error: 'forbidden', reason: 'invalid_document' },
      ]);
      expect(answer[3]).toMatchObject({ ok: true, id: good._id });
      // The same revision sent again (a retried batch) is accepted and changes nothing.
      const stamped = await server.storage.replicatedDb.get(good._id, { revs: true });
      const again = await post(JSON.stringify({ docs: [stamped], new_edits: false }));
      expect(await again.json()).toEqual([{ ok: true, id: good._id }]);
      expect(await stored(server, invalid._id)).toBeNull();
      expect(await stored(server, 'user:cath')).toBeNull();
      expect(await stored(server, good._id)).not.toBeNull();
    });

    it('a volunteer may not write a contact, nor a note as someone else', async () => {
      const contactId = requestContactId(world.requests.veras._id);
      const before = await server.storage.replicatedDb.get(contactId);
      const note = { ...validNote(noteId()) };
      const res = await dbFetch(server, '/db/_bulk_docs', {
        ...json({ docs: [{ ...before, updated_at: at(61) }, note] }),
        cookie: world.vera.cookie,
      });
      expect(await res.json()).toEqual([
        { id: contactId, error: 'forbidden', reason: 'role_cannot_write' },
        { id: note._id, error: 'forbidden', reason: 'wrong_author' },
      ]);
      expect(await server.storage.replicatedDb.get(contactId)).toEqual(before);
      expect(await stored(server, note._id)).toBeNull();
    });
  });
});
