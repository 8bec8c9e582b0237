import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { canWrite } from '#domain/access/access.ts';
import { eventDocSchema } from '#domain/records/append-only-docs.ts';
import { applyAction, type WorkAction } from '#domain/actions/request-actions.ts';
import { historyOf } from '#domain/records/history.ts';
import { at, request, testUuid, user } from '../../../support/factories.ts';

const now = at(60);

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

describe("a volunteer's steps on their task", () => {
  const coordinator = user('coordinator', ['ceredigion']);
  const volunteer = user('volunteer', ['ceredigion']);
  const waiting = applyAction(
    request({ status: 'triaged' }),
    { kind: 'assign', to: volunteer.id },
    coordinator.id,
    at(5),
  );
  const step = (before: typeof waiting, action: WorkAction, minutes: number) => {
    const after = applyAction(before, action, volunteer.id, at(minutes));
    const events = historyOf(before, after, volunteer.id, () => testUuid());
    for (const e of events) expect(v.safeParse(eventDocSchema, e).success).toBe(true);
    return { after, said: events.map((e) => [e.field, e.to, e.reason]) };
  };

  it('say that they accepted it', () => {
    expect(step(waiting, { kind: 'accept' }, 6).said).toEqual([
      ['accepted', volunteer.id, undefined],
    ]);
  });

  it('keep a decline’s reason for the coordinator', () => {
    expect(step(waiting, { kind: 'decline', reason: 'In hospital' }, 6).said).toContainEqual([
      'declined',
      null,
      'In hospital',
    ]);
  });

  it('keep the outcome with its words', () => {
    const { after } = step(waiting, { kind: 'accept' }, 6);
    const outcome = { kind: 'could_not_complete', reason: 'Shop shut' } as const;
    expect(step(after, { kind: 'finish', outcome }, 7).said).toEqual([
      ['status', 'triaged', undefined],
      ['assignee', null, undefined],
      ['outcome', 'could_not_complete', 'Shop shut'],
    ]);
  });
});
