/**
 * A device whose clock runs ahead: its writes stamped more than five minutes after the server's
 * clock come back as `{ error: 'forbidden', reason: 'clock_ahead' }` (PouchDB's `denied`), nothing
 * of them is stored, and so they cannot win the merge against honest edits. Within five minutes of
 * drift everything goes through as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { noteDocId } from '#domain/documents/doc-ids.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import {
  minutes,
  signedIn,
  startAccountServer,
  testClock,
} from '../../../support/staff/account-fixtures.ts';
import { testUuid } from '../../../support/factories.ts';
import {
  dbFetch,
  deviceDb,
  remoteDb,
  stored,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('writes from a clock set ahead', () => {
  it('are refused per document over replication, and what is within five minutes is taken', async () => {
    const clock = testClock('2030-01-11T09:00:00.000Z');
    server = await startAccountServer({ now: clock.now });
    const world = await seedWorld(server);
    const { veras } = world.requests;
    const later = (m: number) => new Date(clock.now().getTime() + minutes(m)).toISOString();

    // Vera's phone thinks it is an hour later than it is.
    const vera = deviceDb();
    await vera.replicate.from(remoteDb(server, world.vera.cookie));
    const task = await vera.get<RequestDoc>(veras._id);
    await vera.put(setRegister(task, 'status', 'in_progress', world.vera.user.id, later(60)));
    const denied: { id?: string; reason?: string }[] = [];
    const push = vera.replicate.to(remoteDb(server, world.vera.cookie));
    void push.on('denied', (error) => denied.push(error as { id?: string; reason?: string }));
    const pushed = await push;
    expect(pushed.doc_write_failures).toBe(1);
    expect(denied).toEqual([expect.objectContaining({ id: veras._id, reason: 'clock_ahead' })]);
    expect(((await stored(server, veras._id)) as RequestDoc).status).toBe('assigned');

    // The coordinator's edit, honest and later in real time, is not beaten by the hour-ahead one.
    const current = (await stored(server, veras._id)) as RequestDoc;
    const cathEdit = setRegister(current, 'urgency', 'high', world.cath.user.id, later(1));
    const res = await dbFetch(server, '/db/_bulk_docs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: [cathEdit] }),
      cookie: world.cath.cookie,
    });
    expect(await res.json()).toEqual([expect.objectContaining({ ok: true, id: veras._id })]);

    // Two minutes of drift is fine: a note and a status change within it go through.
    const fresh = deviceDb();
    await fresh.replicate.from(remoteDb(server, world.vera.cookie));
    const now = await fresh.get<RequestDoc>(veras._id);
    await fresh.put(setRegister(now, 'status', 'in_progress', world.vera.user.id, later(2)));
    const noteId = noteDocId(veras._id, testUuid());
    await fresh.put({
      _id: noteId,
      type: 'note',
      request_id: veras._id,
      author: world.vera.user.id,
      text: 'Ar y ffordd / on my way',
      for_assignee: false,
      created_at: later(2),
    });
    const ok = await fresh.replicate.to(remoteDb(server, world.vera.cookie));
    expect(ok.doc_write_failures).toBe(0);
    expect(ok.docs_written).toBe(2);
    expect(await stored(server, veras._id)).toMatchObject({
      status: 'in_progress',
      urgency: 'high',
    });
    expect(await stored(server, noteId)).not.toBeNull();
  });

  it('a replicated revision (new_edits: false) with a far-future note is refused and not stored', async () => {
    const clock = testClock('2030-01-11T09:00:00.000Z');
    server = await startAccountServer({ now: clock.now });
    const world = await seedWorld(server);
    const { veras } = world.requests;
    const id = noteDocId(veras._id, testUuid());
    const note = {
      _id: id,
      _rev: '1-0123456789abcdef0123456789abcdef',
      _revisions: { start: 1, ids: ['0123456789abcdef0123456789abcdef'] },
      type: 'note',
      request_id: veras._id,
      author: world.vera.user.id,
      text: 'O’r dyfodol / from the future',
      for_assignee: false,
      created_at: '2031-01-01T00:00:00.000Z',
    };
    const res = await dbFetch(server, '/db/_bulk_docs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: [note], new_edits: false }),
      cookie: world.vera.cookie,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual([{ id, error: 'forbidden', reason: 'clock_ahead' }]);
    expect(await stored(server, id)).toBeNull();
    // Once the server's clock has reached it, the same revision is accepted.
    clock.advance(minutes(60 * 24 * 356));
    const later = await dbFetch(server, '/db/_bulk_docs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: [note], new_edits: false }),
      cookie: await signedIn(server.url, 'vera'),
    });
    expect(later.status).toBe(201);
    expect(JSON.stringify(await later.json())).not.toContain('error');
    expect(await stored(server, id)).toMatchObject({ created_at: note.created_at });
  });
});
