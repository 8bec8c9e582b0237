/**
 * A history told from the request's assignment log where the device lacks the events: a volunteer's
 * holds only their own, a coordinator's every one, and the lines made must agree with the events
 * an edit really leaves (historyOf), never repeat one, and say who held the task before.
 */
import { describe, expect, it } from 'vitest';
import { applyAction } from '#domain/actions/request-actions.ts';
import { untoldAssignments } from '#domain/records/assignment-history.ts';
import { historyOf } from '#domain/records/history.ts';
import { claim } from '#domain/requests/edits.ts';
import { at, request, testUuid } from '../../../support/factories.ts';

const coordinator = testUuid();
const first = testUuid();
const second = testUuid();

/** Gwen claims the task, hands it back; the coordinator gives it to Elin. Every event kept. */
function lived() {
  const start = request({ status: 'triaged' });
  const claimed = claim(start, first, at(10));
  const declined = applyAction(claimed, { kind: 'decline', reason: 'Cannot go' }, first, at(20));
  const given = applyAction(declined, { kind: 'assign', to: second }, coordinator, at(30));
  const events = [
    ...historyOf(start, claimed, first, () => testUuid()),
    ...historyOf(claimed, declined, first, () => testUuid()),
    ...historyOf(declined, given, coordinator, () => testUuid()),
  ];
  return { request: given, events };
}

describe('untoldAssignments', () => {
  it('tells every hand-over, in order and from whom to whom, when the device holds no event', () => {
    const { request: doc } = lived();
    expect(untoldAssignments(doc, []).map((l) => [l.author, l.from, l.to])).toEqual([
      [first, null, first],
      [first, first, null],
      [coordinator, null, second],
    ]);
  });

  it('tells the coordinator’s hand-over to a volunteer who holds only their own events', () => {
    const { request: doc, events } = lived();
    const own = events.filter((e) => e.author === second);
    const lines = untoldAssignments(doc, own);
    expect(lines.at(-1)).toMatchObject({ author: coordinator, field: 'assignee', to: second });
  });

  it('adds nothing where every event is held, and never repeats one that is', () => {
    const { request: doc, events } = lived();
    expect(untoldAssignments(doc, events)).toEqual([]);
    const byFirst = events.filter((e) => e.author === first);
    const lines = untoldAssignments(doc, byFirst);
    expect(lines.map((l) => l.author)).toEqual([coordinator]);
    // Each line's id is its own: none is an event's, none repeats.
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    expect(lines.some((l) => events.some((e) => e._id === l.id))).toBe(false);
  });
});
