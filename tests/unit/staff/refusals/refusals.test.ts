import { describe, expect, it } from 'vitest';
import { noteDocId, requestContactId } from '#domain/documents/doc-ids.ts';
import { refusalsOf, refusedRequests } from '$lib/staff/refusals/refusals.ts';
import { request, testUuid } from '../../../support/factories.ts';

describe('refusalsOf', () => {
  it("picks out the refusals of this request's own documents", () => {
    const doc = request();
    const other = request();
    const note = noteDocId(doc._id, testUuid());
    const denied = [
      { id: doc._id, reason: 'outside_your_areas' },
      { id: note, reason: 'not_assigned_to_you' },
      { id: requestContactId(other._id), reason: 'role_cannot_write' },
      { id: `volunteer:${testUuid()}`, reason: 'read_only_field' },
    ];
    expect(refusalsOf(doc._id, denied)).toEqual([
      { id: doc._id, what: 'request', reason: 'outside_your_areas' },
      { id: note, what: 'note', reason: 'not_assigned_to_you' },
    ]);
  });
});

describe('refusedRequests', () => {
  it('names the requests whose own documents were refused', () => {
    const doc = request();
    const denied = [
      { id: noteDocId(doc._id, testUuid()), reason: 'not_assigned_to_you' },
      { id: 'area:powys', reason: 'role_cannot_write' },
    ];
    expect(refusedRequests(denied)).toEqual(new Set([doc._id]));
  });
});
