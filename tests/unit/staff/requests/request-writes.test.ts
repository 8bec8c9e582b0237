import { describe, expect, it } from 'vitest';
import type { RequestDoc } from '#domain/requests/request.ts';
import { editRequest } from '$lib/staff/requests/request-writes.ts';
import { request, testUuid, user } from '../../../support/factories.ts';
import { memoryDb } from '../sync/pouch.ts';

describe('editRequest', () => {
  it('writes the edit and one history event per changed register', async () => {
    const db = memoryDb();
    const doc = request({ status: 'triaged' });
    await db.put(doc);
    const coordinator = user('coordinator', ['ceredigion']);
    const volunteer = testUuid();
    const outcome = await editRequest(db, doc._id, { kind: 'assign', to: volunteer }, coordinator);
    expect(outcome).toBe('saved');
    const saved = await db.get<RequestDoc>(doc._id);
    expect(saved).toMatchObject({ assignee: volunteer, status: 'assigned' });
    const events = await db.allDocs({ startkey: 'event:', endkey: 'event:\uffff' });
    expect(events.rows).toHaveLength(2);
  });

  it('reads again and reapplies when the replica changed under it, losing neither write', async () => {
    const db = memoryDb();
    const doc = request({ status: 'triaged' });
    await db.put(doc);
    const coordinator = user('coordinator', ['ceredigion']);
    // A pull lands between the edit's read and its write: the first put meets a 409.
    const realGet = db.get.bind(db);
    let interfered = false;
    db.get = (async (id: string, opts?: object) => {
      const read = await realGet(id, opts ?? {});
      if (!interfered) {
        interfered = true;
        await db.put({ ...(read as object), urgency: 'low' } as RequestDoc);
      }
      return read;
    }) as typeof db.get;
    const outcome = await editRequest(
      db,
      doc._id,
      { kind: 'status', to: 'cancelled' },
      coordinator,
    );
    expect(outcome).toBe('saved');
    const saved = await realGet<RequestDoc>(doc._id);
    expect(saved).toMatchObject({ status: 'cancelled', urgency: 'low' });
  });

  it('refuses what the policy would refuse, and says so', async () => {
    const db = memoryDb();
    const doc = request({ status: 'assigned', assignee: testUuid() });
    await db.put(doc);
    const stranger = user('volunteer', ['ceredigion']);
    expect(await editRequest(db, doc._id, { kind: 'decline', reason: 'Cannot go' }, stranger)).toBe(
      'not-allowed',
    );
    expect(await editRequest(db, 'request:nope', { kind: 'claim' }, stranger)).toBe('missing');
  });
});
