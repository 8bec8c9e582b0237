import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import { parseStaffDoc, type StoredDoc } from '#domain/replication/document-classes.ts';
import {
  accept,
  assign,
  claim,
  decline,
  finish,
  recordConsent,
  setDetails,
  setRegister,
} from '#domain/requests/edits.ts';
import { routedRequest, type RequestDoc } from '#domain/requests/request.ts';
import {
  rejectVolunteer,
  withAreas,
  withSkills,
  type VolunteerDoc,
} from '#domain/people/volunteer-doc.ts';
import { approveVolunteer } from '#domain/people/volunteer-sign-up.ts';
import {
  area,
  at,
  contactFor,
  event,
  note,
  profile,
  request,
  testUuid,
} from '../../../support/factories.ts';
import {
  admin,
  consentRequests as c,
  coordinator,
  disabledCoordinator,
  disabledVolunteer,
  northCoordinator,
  otherVolunteer,
  requests as r,
  volunteer,
} from '../../../support/world/world.ts';

const now = at(30);
const tombstone = (doc: StoredDoc): StoredDoc => ({ _id: doc._id, _rev: '9-ab', _deleted: true });
const status = (doc: RequestDoc, s: RequestDoc['status'], by: string) =>
  setRegister(doc, 'status', s, by, now);

describe('a volunteer claims an open task', () => {
  it('in their area, new or triaged, and may start it in the same revision', () => {
    expect(canWrite(volunteer, r.open, claim(r.open, volunteer.id, now))).toEqual({ ok: true });
    expect(canWrite(volunteer, r.triaged, claim(r.triaged, volunteer.id, now))).toEqual({
      ok: true,
    });
    const started = status(claim(r.open, volunteer.id, now), 'in_progress', volunteer.id);
    expect(canWrite(volunteer, r.open, started)).toEqual({ ok: true });
  });

  it('claimed and handed back while offline arrives as one revision, and is allowed', () => {
    const back = decline(claim(r.open, volunteer.id, now), volunteer.id, 'Cannot go', now);
    expect(canWrite(volunteer, r.open, back)).toEqual({ ok: true });
  });

  it('not outside their areas', () => {
    expect(canWrite(volunteer, r.north, claim(r.north, volunteer.id, now))).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
    expect(canWrite(volunteer, r.unrouted, claim(r.unrouted, volunteer.id, now))).toMatchObject({
      reason: 'outside_your_areas',
    });
  });

  it('not one someone else holds', () => {
    expect(canWrite(volunteer, r.others, claim(r.others, volunteer.id, now))).toEqual({
      ok: false,
      reason: 'already_assigned',
    });
  });

  it('not a closed one', () => {
    expect(
      canWrite(volunteer, r.closedByPhone, claim(r.closedByPhone, volunteer.id, now)),
    ).toMatchObject({
      reason: 'not_assigned_to_you',
    });
  });

  it('not for someone else', () => {
    const forOther = status(
      assign(r.open, otherVolunteer.id, volunteer.id, now),
      'assigned',
      volunteer.id,
    );
    expect(canWrite(volunteer, r.open, forOther)).toMatchObject({ reason: 'invalid_transition' });
  });

  it('not by leaving it open with a new status', () => {
    expect(canWrite(volunteer, r.open, status(r.open, 'triaged', volunteer.id))).toMatchObject({
      reason: 'invalid_transition',
    });
  });
});

describe('a volunteer moves their own task', () => {
  it('forwards: assigned → in_progress', () => {
    expect(canWrite(volunteer, r.mine, status(r.mine, 'in_progress', volunteer.id))).toEqual({
      ok: true,
    });
  });

  it.each([
    ['assigned → done', r.mine],
    ['in_progress → done', r.mineInProgress],
  ] as const)('forwards with an outcome: %s', (_name, before) => {
    const done = finish(before, volunteer.id, { kind: 'helped' }, now);
    expect(canWrite(volunteer, before, done)).toEqual({ ok: true });
    expect(canWrite(volunteer, before, status(before, 'done', volunteer.id))).toEqual({
      ok: false,
      reason: 'outcome_required',
    });
  });

  it.each([
    ['done → in_progress', r.mineDone, 'in_progress'],
    ['in_progress → assigned', r.mineInProgress, 'assigned'],
    ['assigned → cancelled', r.mine, 'cancelled'],
    ['cancelled → done', r.mineCancelled, 'done'],
  ] as const)('never backwards or sideways: %s', (_name, before, to) => {
    expect(canWrite(volunteer, before, status(before, to, volunteer.id))).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
  });

  it('declines from assigned or in progress, back to triage', () => {
    expect(canWrite(volunteer, r.mine, decline(r.mine, volunteer.id, 'Cannot go', now))).toEqual({
      ok: true,
    });
    expect(
      canWrite(
        volunteer,
        r.mineInProgress,
        decline(r.mineInProgress, volunteer.id, 'Cannot go', now),
      ),
    ).toEqual({ ok: true });
    expect(
      canWrite(volunteer, r.mineDone, decline(r.mineDone, volunteer.id, 'Cannot go', now)),
    ).toMatchObject({
      reason: 'invalid_transition',
    });
  });

  it('cannot touch a task that is not theirs', () => {
    expect(canWrite(volunteer, r.others, status(r.others, 'done', volunteer.id))).toEqual({
      ok: false,
      reason: 'not_assigned_to_you',
    });
    expect(
      canWrite(volunteer, r.reassigned, status(r.reassigned, 'done', volunteer.id)),
    ).toMatchObject({
      reason: 'not_assigned_to_you',
    });
  });

  it.each([
    ['urgency', (d: RequestDoc) => setRegister(d, 'urgency', 'low', volunteer.id, now)],
    ['area', (d: RequestDoc) => setRegister(d, 'area', 'gwynedd', volunteer.id, now)],
    [
      'date needed',
      (d: RequestDoc) => setDetails(d, { needed_by: '2030-02-01' }, volunteer.id, now),
    ],
    ['reference', (d: RequestDoc) => ({ ...d, reference: '444444444' })],
  ])('cannot change the %s', (_name, edit) => {
    expect(canWrite(volunteer, r.mine, edit(r.mine))).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
  });

  it('cannot credit a change to someone else, or change a value without restamping it', () => {
    const forged = status(r.mine, 'in_progress', coordinator.id);
    expect(canWrite(volunteer, r.mine, forged)).toEqual({ ok: false, reason: 'wrong_author' });
    const unstamped = { ...r.mine, status: 'in_progress' as const };
    expect(canWrite(volunteer, r.mine, unstamped)).toEqual({
      ok: false,
      reason: 'unstamped_change',
    });
    const backdated = {
      ...forged,
      fields_meta: { ...forged.fields_meta, status: { at: at(0), by: volunteer.id } },
    };
    expect(canWrite(volunteer, r.mine, backdated)).toEqual({
      ok: false,
      reason: 'unstamped_change',
    });
  });

  it('cannot erase the assignment history', () => {
    const erased = { ...decline(r.mine, volunteer.id, 'Cannot go', now), assignments: [] };
    expect(canWrite(volunteer, r.mine, erased)).toEqual({ ok: false, reason: 'append_only' });
    const rewritten = {
      ...r.mine,
      assignments: r.mine.assignments.map((a) => ({ ...a, after: ['x'] })),
    };
    expect(canWrite(volunteer, r.mine, rewritten)).toEqual({ ok: false, reason: 'append_only' });
  });

  it('cannot create or delete a request', () => {
    const fresh = routedRequest(r.open, 'ceredigion', volunteer.id);
    expect(canWrite(volunteer, null, { ...fresh, _id: `request:${testUuid()}` })).toEqual({
      ok: false,
      reason: 'role_cannot_write',
    });
    expect(canWrite(volunteer, r.mine, tombstone(r.mine))).toEqual({
      ok: false,
      reason: 'cannot_delete',
    });
    expect(canWrite(volunteer, r.mine, { ...r.mine, _deleted: true })).toEqual({
      ok: false,
      reason: 'cannot_delete',
    });
  });
});

describe('a coordinator runs requests in their areas', () => {
  it('triages, assigns, unassigns and closes', () => {
    const triaged = setRegister(
      status(r.open, 'triaged', coordinator.id),
      'urgency',
      'high',
      coordinator.id,
      now,
    );
    expect(canWrite(coordinator, r.open, triaged)).toEqual({ ok: true });
    const assigned = status(
      assign(r.triaged, volunteer.id, coordinator.id, now),
      'assigned',
      coordinator.id,
    );
    expect(canWrite(coordinator, r.triaged, assigned)).toEqual({ ok: true });
    const back = status(assign(r.mine, null, coordinator.id, now), 'triaged', coordinator.id);
    expect(canWrite(coordinator, r.mine, back)).toEqual({ ok: true });
    expect(canWrite(coordinator, r.open, status(r.open, 'done', coordinator.id))).toEqual({
      ok: true,
    });
    expect(canWrite(coordinator, r.mine, status(r.mine, 'cancelled', coordinator.id))).toEqual({
      ok: true,
    });
  });

  it('keeps status and assignee together', () => {
    const heldByNobody = status(r.triaged, 'in_progress', coordinator.id);
    expect(canWrite(coordinator, r.triaged, heldByNobody)).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
    const openButHeld = assign(r.triaged, volunteer.id, coordinator.id, now);
    expect(canWrite(coordinator, r.triaged, openButHeld)).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
  });

  it('hands a request only to another area they cover too, and never leaves it unrouted', () => {
    const ofBoth = { ...coordinator, areas: [...coordinator.areas, 'gwynedd'] };
    expect(
      canWrite(ofBoth, r.open, setRegister(r.open, 'area', 'gwynedd', coordinator.id, now)),
    ).toEqual({
      ok: true,
    });
    expect(
      canWrite(coordinator, r.open, setRegister(r.open, 'area', 'gwynedd', coordinator.id, now)),
    ).toEqual({ ok: false, reason: 'outside_your_areas' });
    expect(
      canWrite(coordinator, r.open, setRegister(r.open, 'area', null, coordinator.id, now)),
    ).toMatchObject({
      reason: 'outside_your_areas',
    });
  });

  it('touches nothing outside their areas', () => {
    expect(canWrite(coordinator, r.north, status(r.north, 'triaged', coordinator.id))).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
    expect(
      canWrite(
        northCoordinator,
        r.open,
        setRegister(r.open, 'area', 'gwynedd', northCoordinator.id, now),
      ),
    ).toMatchObject({
      reason: 'outside_your_areas',
    });
    expect(canWrite(coordinator, r.north, tombstone(r.north))).toMatchObject({
      reason: 'outside_your_areas',
    });
    const routedToSelf = setRegister(r.unrouted, 'area', 'ceredigion', coordinator.id, now);
    expect(canWrite(coordinator, r.unrouted, routedToSelf)).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
  });

  it('takes a request by phone in their area, stamped as theirs', () => {
    const byPhone = {
      ...routedRequest(r.open, 'ceredigion', coordinator.id),
      _id: `request:${testUuid()}`,
    };
    expect(canWrite(coordinator, null, byPhone)).toEqual({ ok: true });
    expect(canWrite(coordinator, null, { ...byPhone, area: 'gwynedd' })).toMatchObject({
      reason: 'outside_your_areas',
    });
    const asResident = { ...routedRequest(r.open, 'ceredigion'), _id: byPhone._id };
    expect(canWrite(coordinator, null, asResident)).toEqual({ ok: false, reason: 'wrong_author' });
  });

  it('never changes a reference or when a request was made', () => {
    expect(canWrite(coordinator, r.open, { ...r.open, reference: '444444444' })).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
  });

  it('deletes in their area; a deleted request comes back only by an admin', () => {
    expect(canWrite(coordinator, r.open, tombstone(r.open))).toEqual({ ok: true });
    expect(canWrite(coordinator, tombstone(r.open), r.open)).toEqual({
      ok: false,
      reason: 'was_deleted',
    });
    expect(canWrite(volunteer, tombstone(r.open), r.open)).toEqual({
      ok: false,
      reason: 'was_deleted',
    });
    expect(canWrite(admin, tombstone(r.open), r.open)).toEqual({ ok: true });
  });

  it('edits contacts in their area only; volunteers never do', () => {
    const contact = contactFor(r.open);
    const edited = {
      ...contact,
      contact: { ...contact.contact, phone: '07700900999' },
      updated_at: now,
    };
    expect(canWrite(coordinator, contact, edited, r.open)).toEqual({ ok: true });
    expect(canWrite(coordinator, contact, edited)).toEqual({
      ok: false,
      reason: 'missing_request',
    });
    expect(canWrite(northCoordinator, contact, edited, r.open)).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
    expect(canWrite(coordinator, contact, { ...edited, created_at: now }, r.open)).toMatchObject({
      reason: 'read_only_field',
    });
    expect(canWrite(volunteer, contactFor(r.mine), contactFor(r.mine), r.mine)).toMatchObject({
      reason: 'role_cannot_write',
    });
    expect(canWrite(coordinator, contact, tombstone(contact), r.open)).toEqual({ ok: true });
  });
});

describe('consent to share the contact is recorded by coordinators of the area', () => {
  it('a coordinator of the area records it, withdraws it, and records it again', () => {
    const given = recordConsent(c.saidNo, true, 'phone', coordinator.id, now);
    expect(canWrite(coordinator, c.saidNo, given)).toEqual({ ok: true });
    const withdrawn = recordConsent(given, false, 'in_person', coordinator.id, at(31));
    expect(canWrite(coordinator, given, withdrawn)).toEqual({ ok: true });
    const again = recordConsent(withdrawn, true, 'in_writing', coordinator.id, at(32));
    expect(canWrite(coordinator, withdrawn, again)).toEqual({ ok: true });
    expect(
      canWrite(admin, c.saidNo, recordConsent(c.saidNo, true, 'phone', admin.id, now)),
    ).toEqual({ ok: true });
  });

  it('not a coordinator of another area', () => {
    const given = recordConsent(c.saidNo, true, 'phone', northCoordinator.id, now);
    expect(canWrite(northCoordinator, c.saidNo, given)).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
  });

  it('never a volunteer, not even on their own task, nor by slipping it into another edit', () => {
    const given = recordConsent(c.saidNo, true, 'phone', volunteer.id, now);
    expect(canWrite(volunteer, c.saidNo, given)).toEqual({ ok: false, reason: 'read_only_field' });
    const withdrawn = recordConsent(r.mine, false, 'phone', volunteer.id, now);
    expect(canWrite(volunteer, r.mine, withdrawn)).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
    const startedAndGiven = status(given, 'in_progress', volunteer.id);
    expect(canWrite(volunteer, c.saidNo, startedAndGiven)).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
    const claimedAndGiven = recordConsent(
      claim(request({ consented: false }), volunteer.id, now),
      true,
      'phone',
      volunteer.id,
      now,
    );
    expect(canWrite(volunteer, request({ consented: false }), claimedAndGiven).ok).toBe(false);
  });

  it('in the writer’s own name, restamped, and never as the resident’s form answer', () => {
    const given = recordConsent(c.saidNo, true, 'phone', coordinator.id, now);
    const credited = {
      ...given,
      fields_meta: { ...given.fields_meta, consent: c.saidNo.fields_meta.consent },
    };
    expect(canWrite(coordinator, c.saidNo, credited).ok).toBe(false);
    const asOtherCoordinator = recordConsent(c.saidNo, true, 'phone', northCoordinator.id, now);
    expect(canWrite(coordinator, c.saidNo, asOtherCoordinator)).toEqual({
      ok: false,
      reason: 'wrong_author',
    });
    const asForm = { ...given, consent: { given: true, how: 'form' as const } };
    expect(parseStaffDoc(asForm)).toMatchObject({ ok: false });
    expect(parseStaffDoc(given)).toMatchObject({ ok: true });
  });
});

describe('notes and events are append-only', () => {
  it('a volunteer adds them to their own task, as themselves', () => {
    expect(canWrite(volunteer, null, note(r.mine, volunteer.id, false), r.mine)).toEqual({
      ok: true,
    });
    // A volunteer's notes are for coordinators: only they address the next volunteer.
    expect(canWrite(volunteer, null, note(r.mine, volunteer.id, true), r.mine)).toEqual({
      ok: false,
      reason: 'role_cannot_write',
    });
    expect(canWrite(volunteer, null, event(r.mine, volunteer.id), r.mine)).toEqual({ ok: true });
    expect(canWrite(volunteer, null, note(r.mine, otherVolunteer.id), r.mine)).toEqual({
      ok: false,
      reason: 'wrong_author',
    });
    expect(canWrite(volunteer, null, note(r.open, volunteer.id, false), r.open)).toEqual({
      ok: false,
      reason: 'not_assigned_to_you',
    });
    expect(canWrite(volunteer, null, note(r.others, volunteer.id, false), r.others)).toMatchObject({
      reason: 'not_assigned_to_you',
    });
  });

  it('a note written offline survives the task being reassigned meanwhile', () => {
    expect(
      canWrite(volunteer, null, note(r.reassigned, volunteer.id, false), r.reassigned),
    ).toEqual({
      ok: true,
    });
  });

  it('needs the right request to judge', () => {
    expect(canWrite(volunteer, null, note(r.others, volunteer.id, false), r.mine)).toEqual({
      ok: false,
      reason: 'missing_request',
    });
    expect(canWrite(coordinator, null, note(r.open, coordinator.id))).toMatchObject({
      reason: 'missing_request',
    });
  });

  it('coordinators write them in their areas only', () => {
    expect(canWrite(coordinator, null, note(r.mine, coordinator.id, false), r.mine)).toEqual({
      ok: true,
    });
    expect(canWrite(coordinator, null, event(r.north, coordinator.id), r.north)).toMatchObject({
      reason: 'outside_your_areas',
    });
  });

  it('nobody edits or deletes one, not even an admin', () => {
    const n = note(r.mine, volunteer.id, false);
    for (const who of [admin, coordinator, volunteer]) {
      expect(canWrite(who, n, { ...n, text: 'rhywbeth arall' }, r.mine)).toEqual({
        ok: false,
        reason: 'append_only',
      });
      expect(canWrite(who, n, tombstone(n), r.mine)).toEqual({ ok: false, reason: 'append_only' });
      expect(canWrite(who, n, { ...n, _deleted: true }, r.mine)).toEqual({
        ok: false,
        reason: 'append_only',
      });
    }
    const e = event(r.mine, admin.id);
    expect(canWrite(admin, e, { ...e, to: 'done' }, r.mine)).toEqual({
      ok: false,
      reason: 'append_only',
    });
  });
});

describe('volunteer profiles', () => {
  const own = profile(volunteer.id, ['ceredigion']);

  it('a volunteer signs up pending, and keeps their details up to date', () => {
    expect(canWrite(volunteer, null, { ...own, approval: 'pending' })).toEqual({ ok: true });
    expect(canWrite(volunteer, own, { ...own, phone: '07700900555', skills: [] })).toEqual({
      ok: true,
    });
  });

  it.each([
    ['approves themselves on sign-up', null, { ...own, approval: 'approved' as const }],
    ['approves themselves later', { ...own, approval: 'pending' as const }, own],
    ['changes their areas', own, { ...own, areas: ['ceredigion', 'gwynedd'] }],
    ['claims a DBS check', own, { ...own, skills: [...own.skills, 'dbs_checked' as const] }],
  ])('a volunteer never %s', (_name, before, after) => {
    expect(canWrite(volunteer, before, after)).toEqual({ ok: false, reason: 'read_only_field' });
  });

  it('a volunteer neither edits another’s profile nor deletes their own', () => {
    expect(
      canWrite(
        volunteer,
        profile(otherVolunteer.id, ['ceredigion']),
        profile(otherVolunteer.id, []),
      ),
    ).toEqual({
      ok: false,
      reason: 'not_your_document',
    });
    expect(canWrite(volunteer, own, tombstone(own))).toEqual({
      ok: false,
      reason: 'cannot_delete',
    });
  });

  it('a coordinator approves and manages volunteers within their own areas', () => {
    const pending = { ...own, approval: 'pending' as const };
    expect(canWrite(coordinator, pending, own)).toEqual({ ok: true });
    expect(canWrite(coordinator, null, profile(testUuid(), ['ceredigion']))).toEqual({ ok: true });
    expect(canWrite(coordinator, own, { ...own, areas: [] })).toEqual({
      ok: false,
      reason: 'needs_an_area',
    });
    expect(canWrite(coordinator, own, { ...own, areas: ['ceredigion', 'gwynedd'] })).toMatchObject({
      reason: 'outside_your_areas',
    });
    const north = profile(testUuid(), ['gwynedd']);
    expect(canWrite(coordinator, north, { ...north, approval: 'pending' })).toMatchObject({
      reason: 'outside_your_areas',
    });
    expect(canWrite(coordinator, own, tombstone(own))).toEqual({ ok: true });
    const both = profile(testUuid(), ['ceredigion', 'gwynedd']);
    expect(canWrite(coordinator, both, tombstone(both))).toMatchObject({
      reason: 'outside_your_areas',
    });
  });
});

describe('editing and rejecting a volunteer', () => {
  const pending = profile(testUuid(), ['ceredigion'], 'pending');
  const later = at(40);

  it('a coordinator edits areas and skills, and rejects a sign-up, all within their areas', () => {
    const shared = profile(testUuid(), ['ceredigion', 'gwynedd']);
    const moved = withAreas(shared, coordinator.areas, [], later);
    expect(moved.ok && canWrite(coordinator, shared, moved.profile)).toEqual({ ok: true });
    expect(canWrite(coordinator, shared, withSkills(shared, ['dbs_checked'], later))).toEqual({
      ok: true,
    });
    expect(canWrite(coordinator, pending, rejectVolunteer(pending, later))).toEqual({ ok: true });
  });

  it('a coordinator neither moves a volunteer into nor out of an area they do not cover', () => {
    const shared = profile(testUuid(), ['ceredigion', 'gwynedd']);
    expect(canWrite(coordinator, shared, { ...shared, areas: ['ceredigion'] })).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
    expect(canWrite(coordinator, pending, { ...pending, areas: ['gwynedd'] })).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
    const north = profile(testUuid(), ['gwynedd'], 'pending');
    expect(canWrite(coordinator, north, rejectVolunteer(north, later))).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
  });

  it('a rejected sign-up may still be approved, but an approved volunteer is not rejected', () => {
    const rejected = rejectVolunteer(pending, later);
    expect(canWrite(coordinator, rejected, approveVolunteer(rejected, at(50), false))).toEqual({
      ok: true,
    });
    const approved = approveVolunteer(pending, later, false);
    expect(canWrite(coordinator, approved, rejectVolunteer(approved, at(50)))).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
    expect(canWrite(coordinator, approved, { ...approved, approval: 'pending' })).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
    expect(canWrite(coordinator, rejected, { ...rejected, approval: 'pending' })).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
  });

  it.each([
    ['rejects themselves', (p: VolunteerDoc) => rejectVolunteer(p, later)],
    ['approves themselves', (p: VolunteerDoc) => approveVolunteer(p, later, true)],
    ['signs up already rejected', null],
  ])('a volunteer never %s', (_name, edit) => {
    const own = profile(volunteer.id, ['ceredigion'], 'pending');
    if (edit === null) {
      expect(canWrite(volunteer, null, rejectVolunteer(own, later))).toEqual({
        ok: false,
        reason: 'read_only_field',
      });
      return;
    }
    expect(canWrite(volunteer, own, edit(own))).toEqual({ ok: false, reason: 'read_only_field' });
  });

  it('a rejected volunteer cannot put themselves back to pending, nor move areas', () => {
    const rejected = rejectVolunteer(profile(volunteer.id, ['ceredigion'], 'pending'), later);
    expect(canWrite(volunteer, rejected, { ...rejected, approval: 'pending' })).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
    expect(canWrite(volunteer, rejected, { ...rejected, areas: ['gwynedd'] })).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
    expect(canWrite(volunteer, rejected, { ...rejected, phone: '07700900555' })).toEqual({
      ok: true,
    });
  });
});

describe('areas, admins and disabled accounts', () => {
  it('only admins write areas', () => {
    const a = area('ceredigion');
    expect(canWrite(admin, a, { ...a, name_en: 'Cardiganshire' })).toEqual({ ok: true });
    expect(canWrite(coordinator, a, { ...a, name_en: 'Cardiganshire' })).toMatchObject({
      reason: 'role_cannot_write',
    });
    expect(canWrite(volunteer, null, area('newydd'))).toMatchObject({
      reason: 'role_cannot_write',
    });
  });

  it('an admin writes anywhere, but under the same integrity rules', () => {
    expect(
      canWrite(admin, r.unrouted, setRegister(r.unrouted, 'area', 'gwynedd', admin.id, now)),
    ).toEqual({ ok: true });
    expect(canWrite(admin, r.north, status(r.north, 'triaged', coordinator.id))).toMatchObject({
      reason: 'wrong_author',
    });
  });

  it('a disabled account writes nothing, whatever it was allowed before', () => {
    expect(
      canWrite(disabledCoordinator, r.open, status(r.open, 'triaged', disabledCoordinator.id)),
    ).toEqual({
      ok: false,
      reason: 'disabled',
    });
    expect(
      canWrite(disabledVolunteer, null, note(r.mine, disabledVolunteer.id, false), r.mine),
    ).toMatchObject({
      reason: 'disabled',
    });
  });

  it('a write must be to the document it replaces', () => {
    expect(canWrite(admin, r.open, { ...r.triaged })).toEqual({
      ok: false,
      reason: 'invalid_document',
    });
    expect(canWrite(admin, null, tombstone(r.open))).toEqual({
      ok: false,
      reason: 'invalid_document',
    });
  });
});

describe("a volunteer's task given by a coordinator", () => {
  const given = assign(r.triaged, volunteer.id, coordinator.id, at(5));
  const waiting = status(given, 'assigned', coordinator.id);
  const accepted = accept(waiting, volunteer.id, now);

  it('waits for them to accept it, which only they may do', () => {
    expect(canWrite(volunteer, waiting, accepted)).toEqual({ ok: true });
    expect(canWrite(otherVolunteer, waiting, accept(waiting, otherVolunteer.id, now))).toEqual({
      ok: false,
      reason: 'already_assigned',
    });
  });

  it('is not set off on or finished before it is accepted', () => {
    expect(canWrite(volunteer, waiting, status(waiting, 'in_progress', volunteer.id))).toEqual({
      ok: false,
      reason: 'not_accepted',
    });
    for (const kind of ['helped', 'nobody_home'] as const) {
      expect(canWrite(volunteer, waiting, finish(waiting, volunteer.id, { kind }, now))).toEqual({
        ok: false,
        reason: 'not_accepted',
      });
    }
  });

  it('accepted, set off and finished offline arrives as one revision, and is allowed', () => {
    const onTheWay = status(accepted, 'in_progress', volunteer.id);
    for (const kind of ['helped', 'nobody_home'] as const) {
      const finished = finish(onTheWay, volunteer.id, { kind }, now);
      expect(canWrite(volunteer, waiting, finished)).toEqual({ ok: true });
    }
  });

  it('is declined only with a reason, back to triage', () => {
    expect(canWrite(volunteer, waiting, decline(waiting, volunteer.id, 'Away', now))).toEqual({
      ok: true,
    });
    const silent = decline(waiting, volunteer.id, 'Away', now);
    delete silent.decline_reason;
    expect(canWrite(volunteer, waiting, silent)).toEqual({ ok: false, reason: 'reason_required' });
  });

  it('is finished once: a done task keeps its outcome', () => {
    const done = finish(accepted, volunteer.id, { kind: 'helped' }, now);
    const changed = finish(done, volunteer.id, { kind: 'referred' }, at(31));
    expect(canWrite(volunteer, done, changed)).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
  });
});
