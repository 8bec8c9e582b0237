import { describe, expect, it } from 'vitest';
import { noteDocId, requestContactId } from '#domain/staff/doc-ids.ts';
import { newNote } from '$lib/staff/work/notes.ts';
import { refusalsOf, refusedRequests } from '$lib/staff/work/refusals.ts';
import { requestOfRow, workUser } from '$lib/staff/work/work-user.ts';
import { projectRequest } from '$lib/staff/sync/projections.ts';
import { at, profile, request, testUuid, user } from '../../domain/staff/factories.ts';

describe('newNote', () => {
  const doc = request();

  it('makes a note a coordinator chooses to show the volunteer', () => {
    const made = newNote(
      doc._id,
      user('coordinator'),
      { text: ' Key under the mat ', forAssignee: true },
      at(1),
      testUuid(),
    );
    expect(made).toMatchObject({
      ok: true,
      note: { text: 'Key under the mat', for_assignee: true },
    });
  });

  it("keeps a volunteer's note for the coordinators", () => {
    const made = newNote(
      doc._id,
      user('volunteer'),
      { text: 'Wedi galw', forAssignee: true },
      at(1),
      testUuid(),
    );
    expect(made).toMatchObject({ ok: true, note: { for_assignee: false } });
  });

  it('says what is wrong with an empty or long note', () => {
    const author = user('coordinator');
    expect(newNote(doc._id, author, { text: '  ', forAssignee: false }, at(1), testUuid())).toEqual(
      {
        ok: false,
        problem: 'required',
      },
    );
    const long = newNote(
      doc._id,
      author,
      { text: 'a'.repeat(2001), forAssignee: false },
      at(1),
      testUuid(),
    );
    expect(long).toEqual({ ok: false, problem: 'too_long' });
  });
});

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

describe('workUser', () => {
  it("gives a volunteer their approved profile's areas, none while pending", () => {
    const id = testUuid();
    const row = (approval: 'approved' | 'pending') => {
      const { _id, ...rest } = profile(id, ['powys'], approval);
      return { ...rest, id: _id };
    };
    const account = { role: 'volunteer' as const, areas: ['ceredigion'] };
    expect(workUser(account, id, row('approved')).areas).toEqual(['powys']);
    expect(workUser(account, id, row('pending')).areas).toEqual([]);
    expect(workUser(account, id).areas).toEqual([]);
    expect(workUser({ role: 'coordinator', areas: ['gwynedd'] }, id).areas).toEqual(['gwynedd']);
  });

  it('turns a read-model row back into the document it came from', () => {
    const doc = request({ area: null });
    expect(requestOfRow(projectRequest(doc))).toEqual(doc);
  });
});
