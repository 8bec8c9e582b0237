import { describe, expect, it } from 'vitest';
import { docClassOf, noteDocId, profileOwnerOf, requestIdOf } from '#domain/documents/doc-ids.ts';
import { isBareTombstone, parseStaffDoc } from '#domain/replication/document-classes.ts';
import { claim } from '#domain/requests/edits.ts';
import { volunteerAccessAreas } from '#domain/people/volunteer-doc.ts';
import { staffUserSchema } from '#domain/people/users.ts';
import * as v from 'valibot';
import {
  area,
  at,
  contactFor,
  event,
  note,
  profile,
  request,
  testUuid,
  user,
} from '../../../support/factories.ts';
import { person } from '../../../support/submissions.ts';

const vol = testUuid(1);
const req = claim(request(), vol, at(5));

function fieldsOf(input: unknown) {
  const result = parseStaffDoc(input);
  return result.ok ? null : result.fields;
}

describe('parseStaffDoc accepts every class as devices write it', () => {
  const docs = {
    request: req,
    contact: contactFor(req),
    note: note(req, vol),
    event: event(req, vol),
    volunteer: profile(vol, ['ceredigion']),
    area: area('ceredigion'),
  };
  it.each(Object.entries(docs))('%s', (_cls, doc) => {
    const result = parseStaffDoc(JSON.parse(JSON.stringify(doc)));
    expect(result).toEqual({ ok: true, doc });
  });

  it('accepts the fields CouchDB adds, and a bare deletion', () => {
    const stored = {
      ...req,
      _rev: '3-a1b2',
      _revisions: { start: 3, ids: ['a1b2', 'c3', 'd4'] },
      _conflicts: ['3-0f'],
    };
    expect(parseStaffDoc(stored).ok).toBe(true);
    const result = parseStaffDoc({ _id: req._id, _rev: '4-ff', _deleted: true });
    expect(result.ok && isBareTombstone(result.doc)).toBe(true);
    expect(parseStaffDoc({ ...req, _rev: '4-ff', _deleted: true }).ok).toBe(true);
  });
});

describe('parseStaffDoc refuses', () => {
  it('an id of no known class, or one that names a person', () => {
    expect(fieldsOf({ ...req, _id: 'request:sian-jones' })).toEqual({ _id: 'invalid' });
    expect(fieldsOf({ ...profile(vol, []), _id: 'volunteer:sian.jones@example.com' })).toEqual({
      _id: 'invalid',
    });
    expect(fieldsOf({ _id: 'user:abc', type: 'user' })).toEqual({ _id: 'invalid' });
  });

  it('a body whose type disagrees with its id', () => {
    expect(fieldsOf({ ...note(req, vol), type: 'event' })).toHaveProperty('type', 'invalid');
  });

  it('a note or contact filed under another request than its id says', () => {
    const other = request();
    expect(fieldsOf({ ...note(req, vol), request_id: other._id })).toEqual({
      request_id: 'wrong_request',
    });
    expect(fieldsOf({ ...contactFor(req), request_id: other._id })).toEqual({
      request_id: 'wrong_request',
    });
  });

  it('an event filed under another request than its id says', () => {
    const other = request();
    expect(fieldsOf({ ...event(req, vol), request_id: other._id })).toEqual({
      request_id: 'wrong_request',
    });
  });

  it('unknown fields, attachments and __proto__ keys', () => {
    expect(fieldsOf({ ...req, colour: 'red' })).toEqual({ colour: 'unknown_field' });
    expect(fieldsOf({ ...req, _attachments: {} })).toEqual({ _attachments: 'unknown_field' });
    const hostile = JSON.parse(
      `{"__proto__": {"admin": true}, ${JSON.stringify(note(req, vol)).slice(1)}`,
    );
    expect(parseStaffDoc(hostile).ok).toBe(false);
    expect(fieldsOf({ _id: req._id, _deleted: true, extra: 1 })).not.toBeNull();
  });

  it('an assignee the assignment log does not back', () => {
    expect(fieldsOf({ ...req, assignee: testUuid(2) })).toEqual({ _: 'inconsistent_assignee' });
    expect(fieldsOf({ ...req, assignments: [] })).toEqual({ _: 'inconsistent_assignee' });
  });

  it('timestamps in any other format than toISOString', () => {
    expect(fieldsOf({ ...note(req, vol), created_at: '2030-01-10T09:00:00Z' })).toEqual({
      created_at: 'invalid',
    });
  });

  it('personal data in a request document is impossible: its fields are the district only', () => {
    const text = JSON.stringify(req).toLowerCase();
    for (const detail of [
      person.name,
      person.phoneStored,
      person.postcodeStored,
      person.address_line1,
    ]) {
      expect(text).not.toContain(detail.toLowerCase());
    }
  });
});

describe('ids', () => {
  it('name the class and the request they belong to', () => {
    const n = note(req, vol);
    expect(docClassOf(n._id)).toBe('note');
    expect(requestIdOf(n._id)).toBe(req._id);
    expect(requestIdOf(contactFor(req)._id)).toBe(req._id);
    expect(requestIdOf(req._id)).toBe(req._id);
    expect(requestIdOf(profile(vol, [])._id)).toBeNull();
    expect(noteDocId(req._id, testUuid(3))).toMatch(/^note:[0-9a-f-]{36}:[0-9a-f-]{36}$/);
    expect(profileOwnerOf(profile(vol, [])._id)).toBe(vol);
  });
});

describe('users and profiles', () => {
  it('a pending volunteer gets no areas to work in', () => {
    expect(volunteerAccessAreas(profile(vol, ['ceredigion'], 'pending'))).toEqual([]);
    expect(volunteerAccessAreas(profile(vol, ['ceredigion']))).toEqual(['ceredigion']);
  });

  it('users have opaque ids', () => {
    expect(v.is(staffUserSchema, user('volunteer', ['ceredigion']))).toBe(true);
    expect(v.is(staffUserSchema, { ...user('volunteer'), id: 'sian' })).toBe(false);
  });
});
