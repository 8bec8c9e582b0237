import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { canWrite } from '#domain/staff/access.ts';
import { eventDocSchema } from '#domain/staff/append-only-docs.ts';
import { lifecycleProblem } from '#domain/staff/lifecycle.ts';
import {
  applyAction,
  historyOf,
  isAllowed,
  mayRecordConsent,
  offerFor,
  type WorkAction,
} from '$lib/staff/work/request-actions.ts';
import { at, request, testUuid, user } from '../../domain/staff/factories.ts';

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
      decline: false,
    });
  });

  it('lets a volunteer move their own task forwards and hand it back', () => {
    const volunteer = user('volunteer', ['ceredigion']);
    const mine = request({ status: 'assigned', assignee: volunteer.id });
    const offer = offerFor(volunteer, mine, now);
    expect(offer.statuses).toEqual(['in_progress', 'done']);
    expect(offer).toMatchObject({ claim: false, decline: true, urgency: false, assign: false });
  });

  it("offers a volunteer nothing on someone else's task", () => {
    const volunteer = user('volunteer', ['ceredigion']);
    const theirs = request({ status: 'in_progress', assignee: testUuid() });
    const offer = offerFor(volunteer, theirs, now);
    expect(offer.statuses).toEqual([]);
    expect(offer.claim || offer.decline).toBe(false);
  });
});

describe('applyAction', () => {
  const coordinator = user('coordinator', ['ceredigion']);
  const volunteer = testUuid();

  it('assigning an open request makes it assigned, so status and assignee fit together', () => {
    const after = applyAction(
      request({ status: 'triaged' }),
      { kind: 'assign', to: volunteer },
      coordinator.id,
      now,
    );
    expect(after).toMatchObject({ assignee: volunteer, status: 'assigned' });
    expect(lifecycleProblem(after)).toBeNull();
  });

  it('taking a held task from everyone puts it back in triage', () => {
    const held = request({ status: 'in_progress', assignee: volunteer });
    const after = applyAction(held, { kind: 'assign', to: null }, coordinator.id, now);
    expect(after).toMatchObject({ assignee: null, status: 'triaged' });
  });

  it('every offered action writes what the policy accepts', () => {
    const actions: WorkAction[] = [
      { kind: 'status', to: 'cancelled' },
      { kind: 'urgency', to: 'low' },
      { kind: 'assign', to: volunteer },
      { kind: 'assign', to: null },
    ];
    for (const doc of [request(), request({ status: 'assigned', assignee: testUuid() })]) {
      for (const action of actions) {
        const after = applyAction(doc, action, coordinator.id, now);
        expect(canWrite(coordinator, doc, after), JSON.stringify(action)).toEqual({ ok: true });
        expect(isAllowed(coordinator, doc, action, now)).toBe(true);
      }
    }
  });
});

describe('historyOf', () => {
  it('records one valid event per register the edit changed', () => {
    const coordinator = user('coordinator', ['ceredigion']);
    const before = request({ status: 'triaged' });
    const volunteer = testUuid();
    const after = applyAction(before, { kind: 'assign', to: volunteer }, coordinator.id, now);
    const events = historyOf(before, after, coordinator.id, () => testUuid());
    expect(events.map((e) => [e.field, e.from, e.to])).toEqual([
      ['status', 'triaged', 'assigned'],
      ['assignee', null, volunteer],
    ]);
    for (const e of events) expect(v.safeParse(eventDocSchema, e).success).toBe(true);
  });

  it('records nothing when nothing changed', () => {
    const doc = request();
    expect(historyOf(doc, doc, testUuid(), () => testUuid())).toEqual([]);
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

  it('writes what the policy accepts, and leaves a history event saying how', () => {
    const action: WorkAction = { kind: 'consent', given: true, how: 'in_person' };
    const after = applyAction(saidNo, action, coordinator.id, now);
    expect(after.consent).toEqual({ given: true, how: 'in_person' });
    expect(canWrite(coordinator, saidNo, after)).toEqual({ ok: true });
    const events = historyOf(saidNo, after, coordinator.id, () => testUuid());
    expect(events.map((e) => [e.field, e.from, e.to, e.author])).toEqual([
      ['consent', 'not_given:form', 'given:in_person', coordinator.id],
    ]);
    for (const e of events) expect(v.safeParse(eventDocSchema, e).success).toBe(true);
  });
});
