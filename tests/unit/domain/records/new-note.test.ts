import { describe, expect, it } from 'vitest';
import { mayWriteForAssignee, newNote } from '#domain/records/new-note.ts';
import { at, request, testUuid, user } from '../../../support/factories.ts';

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

describe('mayWriteForAssignee', () => {
  it('lets coordinators and admins address the volunteer, never a volunteer', () => {
    expect(mayWriteForAssignee(user('coordinator'))).toBe(true);
    expect(mayWriteForAssignee(user('admin'))).toBe(true);
    expect(mayWriteForAssignee(user('volunteer'))).toBe(false);
  });
});
