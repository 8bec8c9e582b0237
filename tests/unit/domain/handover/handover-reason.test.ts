/**
 * The event a move of area must come with: the hand-over's own, for this move, with a reason.
 * Every event hand-over.ts writes gives the reason for its move, and nothing else does.
 */
import { describe, expect, it } from 'vitest';
import { handOver } from '#domain/handover/hand-over.ts';
import { givesReasonFor, movesArea } from '#domain/handover/handover-reason.ts';
import { maxHandoverReason } from '#domain/records/append-only-docs.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { at, request, testUuid, user } from '../../../support/factories.ts';

const known = ['ceredigion', 'gwynedd', 'powys'];
const both = user('coordinator', ['ceredigion', 'gwynedd']);
const other = user('coordinator', ['ceredigion', 'gwynedd']);

function moved(doc: RequestDoc, to: string, minutes: number, who = both) {
  const result = handOver(
    doc,
    { to, reason: 'Over the border' },
    who,
    known,
    false,
    at(minutes),
    testUuid(),
  );
  if (!result.ok) throw new Error(result.problem);
  return result.handed;
}

describe('movesArea', () => {
  it('is a change of area on a request that exists', () => {
    const doc = request();
    expect(movesArea(doc, { area: 'gwynedd' })).toBe(true);
    expect(movesArea(doc, doc)).toBe(false);
    expect(movesArea(null, doc)).toBe(false);
    expect(movesArea({ area: null }, doc)).toBe(true);
  });
});

describe('givesReasonFor', () => {
  const before = request({ status: 'triaged' });
  const { request: after, event } = moved(before, 'gwynedd', 30);

  it('takes the hand-over’s own event', () => {
    expect(givesReasonFor(event, before, after)).toBe(true);
  });

  it('takes one written first, before a retried request restamped later', () => {
    const retried = setRegister(before, 'area', 'gwynedd', both.id, at(31));
    expect(givesReasonFor(event, before, retried)).toBe(true);
  });

  it('refuses an event for another move, request, writer or time, or with no reason', () => {
    const wrong = [
      { ...event, field: 'status' as const },
      { ...event, request_id: request()._id },
      { ...event, from: 'powys' },
      { ...event, to: 'powys' },
      { ...event, author: other.id },
      { ...event, at: at(31) },
      { ...event, at: before.fields_meta.area.at },
      { ...event, reason: undefined },
      { ...event, reason: '   ' },
      { ...event, reason: 'x'.repeat(maxHandoverReason + 1) },
    ];
    for (const e of wrong) expect(givesReasonFor(e, before, after), JSON.stringify(e)).toBe(false);
  });

  it('does not let an earlier move’s event serve a later one along the same areas', () => {
    const back = moved(after, 'ceredigion', 40);
    const again = moved(back.request, 'gwynedd', 50);
    expect(givesReasonFor(event, back.request, again.request)).toBe(false);
    expect(givesReasonFor(again.event, back.request, again.request)).toBe(true);
  });

  it('takes a move by someone else only with their own event', () => {
    const theirs = moved(before, 'gwynedd', 30, other);
    expect(givesReasonFor(event, before, theirs.request)).toBe(false);
    expect(givesReasonFor(theirs.event, before, theirs.request)).toBe(true);
  });
});
