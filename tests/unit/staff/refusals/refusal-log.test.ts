import { describe, expect, it } from 'vitest';
import { noteDocId } from '#domain/documents/doc-ids.ts';
import { nextLog, orphaned } from '$lib/staff/refusals/refusal-log.ts';
import { request, testUuid } from '../../../support/factories.ts';

describe('the refusal log', () => {
  const doc = request();
  const note = noteDocId(doc._id, testUuid());
  const denied = [
    { id: doc._id, reason: 'outside_your_areas' },
    { id: note, reason: 'not_assigned_to_you' },
    { id: 'area:powys', reason: 'role_cannot_write' },
  ];
  const describe_ = () => ({ reference: doc.reference, kind: doc.kind });

  it("records each refusal of a request's documents, with what the request was", () => {
    const log = nextLog([], denied, describe_, () => true);
    expect(log).toEqual([
      {
        id: doc._id,
        what: 'request',
        reason: 'outside_your_areas',
        requestId: doc._id,
        reference: doc.reference,
        kind: doc.kind,
      },
      {
        id: note,
        what: 'note',
        reason: 'not_assigned_to_you',
        requestId: doc._id,
        reference: doc.reference,
        kind: doc.kind,
      },
    ]);
    expect(nextLog(log, denied, describe_, () => true)).toEqual(log);
  });

  it('keeps a refusal the sync status dropped when its request was purged', () => {
    const log = nextLog([], denied, describe_, () => true);
    const afterPurge = nextLog(
      log,
      [],
      () => null,
      () => false,
    );
    expect(afterPurge).toEqual(log);
    expect(orphaned(afterPurge, () => false)).toHaveLength(2);
  });

  it('forgets a refusal once a later change to a request still here was accepted', () => {
    const log = nextLog([], denied, describe_, () => true);
    expect(nextLog(log, [], describe_, () => true)).toEqual([]);
    expect(orphaned(log, () => true)).toEqual([]);
  });
});
