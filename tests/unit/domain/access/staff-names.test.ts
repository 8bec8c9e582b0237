/**
 * Whose name a device may be given (mayKnowStaffName) and who acted on a document (actorsOf): the
 * cases the access table names, then properties over any viewer and anyone else that try to get a
 * name past the rule: a volunteer's to another volunteer, anyone's to a disabled account, or an
 * outsider's to someone who shares no area with them and read nothing they did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorsOf, mayKnowStaffName } from '#domain/access/staff-names.ts';
import { staffRoles } from '#domain/people/account-rules.ts';
import { sharesAnArea } from '#domain/people/users.ts';
import { assign } from '#domain/requests/edits.ts';
import {
  at,
  coordinatorId,
  event,
  note,
  request,
  testUuid,
  user,
} from '../../../support/factories.ts';

describe('mayKnowStaffName', () => {
  const admin = user('admin');
  const ceredigion = user('coordinator', ['ceredigion']);
  const both = user('coordinator', ['ceredigion', 'powys']);
  const powys = user('coordinator', ['powys']);
  const volunteer = user('volunteer', ['ceredigion']);
  const other = user('volunteer', ['ceredigion']);
  const pending = user('volunteer', []);

  it('gives a volunteer the coordinators of their areas, not of others', () => {
    expect(mayKnowStaffName(volunteer, ceredigion, false)).toBe(true);
    expect(mayKnowStaffName(volunteer, both, false)).toBe(true);
    expect(mayKnowStaffName(volunteer, powys, false)).toBe(false);
    // Not yet approved: works nowhere, so knows no coordinator yet.
    expect(mayKnowStaffName(pending, ceredigion, false)).toBe(false);
  });

  it('gives an admin or an outside coordinator only to those who read something they did', () => {
    expect(mayKnowStaffName(volunteer, admin, false)).toBe(false);
    expect(mayKnowStaffName(volunteer, admin, true)).toBe(true);
    expect(mayKnowStaffName(volunteer, powys, true)).toBe(true);
    expect(mayKnowStaffName(ceredigion, powys, false)).toBe(false);
    expect(mayKnowStaffName(ceredigion, powys, true)).toBe(true);
  });

  it('gives a coordinator those sharing an area; an admin every coordinator and admin', () => {
    expect(mayKnowStaffName(ceredigion, both, false)).toBe(true);
    expect(mayKnowStaffName(admin, powys, false)).toBe(true);
    expect(mayKnowStaffName(admin, user('admin'), false)).toBe(true);
    expect(mayKnowStaffName(ceredigion, ceredigion, false)).toBe(true);
  });

  it('never gives a volunteer another volunteer’s name, even one who acted on their task', () => {
    expect(mayKnowStaffName(volunteer, other, true)).toBe(false);
    expect(mayKnowStaffName(volunteer, volunteer, false)).toBe(true);
    // Coordinators and admins hear a volunteer's name only from what that volunteer did.
    expect(mayKnowStaffName(ceredigion, other, false)).toBe(false);
    expect(mayKnowStaffName(ceredigion, other, true)).toBe(true);
    expect(mayKnowStaffName(admin, other, false)).toBe(false);
  });

  it('gives nothing to a disabled account', () => {
    expect(mayKnowStaffName({ ...ceredigion, disabled: true }, both, true)).toBe(false);
    expect(mayKnowStaffName({ ...ceredigion, disabled: true }, ceredigion, true)).toBe(false);
  });
});

describe('mayKnowStaffName (properties)', () => {
  const areaIds = fc.subarray(['ceredigion', 'powys', 'gwynedd', 'ynys-mon']);
  const person = fc.record({
    id: fc.constantFrom('a', 'b', 'c'),
    role: fc.constantFrom(...staffRoles),
    areas: areaIds,
    disabled: fc.boolean(),
  });

  it('a name reaches a viewer only through itself, an admin’s view, a shared area or an act', () => {
    fc.assert(
      fc.property(person, person, fc.boolean(), (viewer, other, acted) => {
        if (!mayKnowStaffName(viewer, other, acted)) return;
        expect(viewer.disabled).toBe(false);
        if (other.id === viewer.id) return;
        if (other.role === 'volunteer') {
          expect(viewer.role).not.toBe('volunteer');
          expect(acted).toBe(true);
        } else if (viewer.role !== 'admin') {
          expect(acted || sharesAnArea(viewer, other.areas)).toBe(true);
        }
      }),
    );
  });

  it('acting on something the viewer reads never takes a name away', () => {
    fc.assert(
      fc.property(person, person, (viewer, other) => {
        if (mayKnowStaffName(viewer, other, false)) {
          expect(mayKnowStaffName(viewer, other, true)).toBe(true);
        }
      }),
    );
  });
});

describe('actorsOf', () => {
  it('names a request’s stamp writers and assigners, the resident among them', () => {
    const coordinator = testUuid();
    const doc = assign(request({ status: 'triaged' }), testUuid(), coordinator, at(5));
    const actors = actorsOf(doc);
    expect(actors).toContain('resident');
    expect(actors).toContain(coordinatorId);
    expect(actors).toContain(coordinator);
    // The volunteer given the task did nothing to it: being assigned is not acting.
    expect(actors).not.toContain(doc.assignee);
  });

  it('names a note’s and an event’s author, and only them', () => {
    const doc = request();
    const author = testUuid();
    expect([...actorsOf(note(doc, author))]).toEqual([author]);
    expect([...actorsOf(event(doc, author))]).toEqual([author]);
  });

  it('reads the little the server’s routing index keeps of a request', () => {
    expect([...actorsOf({ type: 'request', fields_meta: { status: undefined } })]).toEqual([]);
    expect([...actorsOf({ type: 'request', fields_meta: { status: { by: 'x' } } })]).toEqual(['x']);
  });
});
