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
      { id: doc._id, reason: 'outside-your-areas' },
      { id: note, reason: 'not-assigned-to-you' },
      { id: requestContactId(other._id), reason: 'role-cannot-write' },
      { id: `volunteer:${testUuid()}`, reason: 'read-only-field' },
    ];
    expect(refusalsOf(doc._id, denied)).toEqual([
      { id: doc._id, what: 'request', reason: 'outside-your-areas' },
      { id: note, what: 'note', reason: 'not-assigned-to-you' },
    ]);
  });
});

describe('refusedRequests', () => {
  it('names the requests whose own documents were refused', () => {
    const doc = request();
    const denied = [
      { id: noteDocId(doc._id, testUuid()), reason: 'not-assigned-to-you' },
      { id: 'area:powys', reason: 'role-cannot-write' },
    ];
    expect(refusedRequests(denied)).toEqual(new Set([doc._id]));
  });
});
