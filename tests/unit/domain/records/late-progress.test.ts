import { describe, expect, it } from 'vitest';
import { coordinatorAttention } from '#domain/triage/attention.ts';
import { lateProgress } from '#domain/records/late-progress.ts';
import { assign, claim, setRegister } from '#domain/requests/edits.ts';
import { at, coordinatorId, request, user } from '../../../support/factories.ts';

const vera = user('volunteer', ['ceredigion']);
const owen = user('volunteer', ['ceredigion']);
const heldByVera = { ...request({ status: 'assigned', assignee: vera.id }), _rev: '3-abc' };
const givenToOwen = assign(heldByVera, owen.id, coordinatorId, at(20));
const received = at(40);

describe('late progress kept for the coordinator', () => {
  it('keeps a former assignee’s "done" as one event, dated when it arrived', () => {
    const done = { ...setRegister(heldByVera, 'status', 'done', vera.id, at(30)), _rev: '4-def' };
    const kept = lateProgress(vera, givenToOwen, done, received);
    expect(kept).toMatchObject({
      type: 'event',
      field: 'late_status',
      author: vera.id,
      to: 'done',
      at: received,
    });
    expect(kept?._id).toBe(
      lateProgress(vera, givenToOwen, { ...done, _rev: '4-fff' }, received)?._id,
    );
    expect(
      lateProgress(vera, givenToOwen, { ...done, status: 'in_progress' }, received)?._id,
    ).not.toBe(kept?._id);
  });

  it('keeps nothing for a bare claim, a coordinator, someone who never held it, or no change', () => {
    const open = request({ status: 'triaged' });
    const taken = assign(open, owen.id, coordinatorId, at(20));
    expect(lateProgress(vera, taken, claim(open, vera.id, at(30)), received)).toBeNull();
    const cath = user('coordinator', ['ceredigion']);
    const byCath = setRegister(heldByVera, 'status', 'done', cath.id, at(30));
    expect(lateProgress(cath, givenToOwen, byCath, received)).toBeNull();
    const stranger = user('volunteer', ['ceredigion']);
    const forged = setRegister(heldByVera, 'status', 'done', stranger.id, at(30));
    expect(lateProgress(stranger, givenToOwen, forged, received)).toBeNull();
    expect(lateProgress(vera, givenToOwen, givenToOwen, received)).toBeNull();
  });

  it('is put to a coordinator until they set the status or assign the task after it', () => {
    const done = setRegister(heldByVera, 'status', 'done', vera.id, at(30));
    const event = lateProgress(vera, givenToOwen, done, received)!;
    expect(coordinatorAttention(givenToOwen, [event])).toEqual([
      { code: 'late_report', by: vera.id, status: 'done' },
    ]);
    const settled = assign(givenToOwen, vera.id, coordinatorId, at(50));
    expect(coordinatorAttention(settled, [event])).toEqual([]);
    const statusSet = setRegister(givenToOwen, 'status', 'in_progress', coordinatorId, at(50));
    expect(coordinatorAttention(statusSet, [event])).toEqual([]);
  });
});
