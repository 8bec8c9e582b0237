import { describe, expect, it } from 'vitest';
import { byUrgency, liveFirst } from '#domain/triage/queue-order.ts';
import { setRegister } from '#domain/requests/edits.ts';
import { at, coordinatorId, request, testUuid } from '../../../support/factories.ts';

const urgent = (doc: ReturnType<typeof request>) =>
  setRegister(doc, 'urgency', 'high', coordinatorId, at(5));
const low = (doc: ReturnType<typeof request>) =>
  setRegister(doc, 'urgency', 'low', coordinatorId, at(5));

describe('byUrgency', () => {
  it('orders the same way whatever order it is given', () => {
    const docs = [request(), urgent(request()), low(request()), urgent(request())];
    const sorted = [...docs].sort(byUrgency).map((d) => d._id);
    expect(
      [...docs]
        .reverse()
        .sort(byUrgency)
        .map((d) => d._id),
    ).toEqual(sorted);
  });

  it('puts the most urgent first, then the soonest needed, then the longest waiting', () => {
    const base = request();
    const later = { ...base, _id: `${base._id}b`, needed_by: '2030-02-01' };
    const sooner = { ...base, _id: `${base._id}c`, needed_by: '2030-01-15' };
    const older = { ...sooner, _id: `${base._id}d`, created_at: at(-60) };
    const high = { ...urgent(base), needed_by: '2030-03-01' };
    expect([later, sooner, older, high].sort(byUrgency)).toEqual([high, older, sooner, later]);
  });
});

describe('liveFirst', () => {
  it('puts finished and cancelled tasks below the live ones, each by urgency', () => {
    const volunteer = testUuid();
    const done = urgent(request({ status: 'done', assignee: volunteer }));
    const cancelled = request({ status: 'cancelled', assignee: volunteer });
    const started = low(request({ status: 'in_progress', assignee: volunteer }));
    const assigned = urgent(request({ status: 'assigned', assignee: volunteer }));
    expect([done, cancelled, started, assigned].sort(liveFirst)).toEqual([
      assigned,
      started,
      done,
      cancelled,
    ]);
  });
});
