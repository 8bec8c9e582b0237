import { describe, expect, it } from 'vitest';
import { mayRecordConsent, offerFor } from '#domain/actions/request-offer.ts';
import { accept, assign, finish, setRegister } from '#domain/requests/edits.ts';
import { at, coordinatorId, request, testUuid, user } from '../../../support/factories.ts';

const now = at(60);

describe('offerFor', () => {
  it('lets a coordinator of the area triage, set urgency and assign, but not start an unheld task', () => {
    const coordinator = user('coordinator', ['ceredigion']);
    const offer = offerFor(coordinator, request({ status: 'new' }), now);
    expect(offer.statuses).toEqual(['triaged', 'done', 'cancelled']);
    expect(offer).toMatchObject({ urgency: true, assign: true, claim: false, decline: false });
  });

  it('offers a coordinator nothing outside their areas', () => {
    const offer = offerFor(user('coordinator', ['powys']), request(), now);
    expect(offer).toEqual({
      statuses: [],
      urgency: false,
      assign: false,
      claim: false,
      accept: false,
      onMyWay: false,
      finish: false,
      decline: false,
    });
  });

  it('lets a volunteer claim an open task in their areas, and nothing else', () => {
    const volunteer = user('volunteer', ['ceredigion']);
    const offer = offerFor(volunteer, request({ status: 'triaged' }), now);
    expect(offer).toEqual({
      statuses: [],
      urgency: false,
      assign: false,
      claim: true,
      accept: false,
      onMyWay: false,
      finish: false,
      decline: false,
    });
  });

  it('lets a volunteer set off on a task they took, finish it and hand it back', () => {
    const volunteer = user('volunteer', ['ceredigion']);
    const mine = request({ status: 'assigned', assignee: volunteer.id });
    const offer = offerFor(volunteer, mine, now);
    expect(offer.statuses).toEqual([]);
    expect(offer).toMatchObject({ accept: false, onMyWay: true, finish: true, decline: true });
    expect(offer).toMatchObject({ claim: false, urgency: false, assign: false });
  });

  it('asks a volunteer given a task to accept or decline it before anything else', () => {
    const volunteer = user('volunteer', ['ceredigion']);
    const given = assign(request({ status: 'triaged' }), volunteer.id, coordinatorId, at(5));
    const waiting = setRegister(given, 'status', 'assigned', coordinatorId, at(5));
    const offer = offerFor(volunteer, waiting, now);
    expect(offer).toMatchObject({ accept: true, onMyWay: false, finish: false, decline: true });
    const accepted = accept(waiting, volunteer.id, at(6));
    expect(offerFor(volunteer, accepted, now)).toMatchObject({
      accept: false,
      onMyWay: true,
      finish: true,
    });
  });

  it('offers nothing more on a finished task', () => {
    const volunteer = user('volunteer', ['ceredigion']);
    const mine = request({ status: 'assigned', assignee: volunteer.id });
    const done = finish(mine, volunteer.id, { kind: 'helped' }, at(10));
    expect(offerFor(volunteer, done, now)).toMatchObject({
      accept: false,
      onMyWay: false,
      finish: false,
      decline: false,
    });
  });

  it("offers a volunteer nothing on someone else's task", () => {
    const volunteer = user('volunteer', ['ceredigion']);
    const theirs = request({ status: 'in_progress', assignee: testUuid() });
    const offer = offerFor(volunteer, theirs, now);
    expect(offer.statuses).toEqual([]);
    expect(offer.claim || offer.decline).toBe(false);
  });
});

describe('recording the resident’s consent to share', () => {
  const coordinator = user('coordinator', ['ceredigion']);
  const saidNo = request({ status: 'triaged', consented: false });

  it('is offered to a coordinator of the area, never to a volunteer or another area', () => {
    const volunteer = user('volunteer', ['ceredigion']);
    const task = request({ status: 'assigned', assignee: volunteer.id, consented: false });
    expect(mayRecordConsent(coordinator, saidNo, now)).toBe(true);
    expect(mayRecordConsent(coordinator, request(), now)).toBe(true);
    expect(mayRecordConsent(user('coordinator', ['powys']), saidNo, now)).toBe(false);
    expect(mayRecordConsent(volunteer, task, now)).toBe(false);
  });
});
