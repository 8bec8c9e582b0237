/**
 * A claim made offline while the request was handed to another area: kept as an event for the
 * coordinator (never for someone with nothing to report), shown as open until decided, and
 * settled either way: the hand-over kept, or the request given back with the claim.
 */
import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import { giveBack } from '#domain/handover/give-back.ts';
import { handOver } from '#domain/handover/hand-over.ts';
import { keepHandover, lateClaim, openLateClaims } from '#domain/handover/late-claim.ts';
import { claim, setRegister } from '#domain/requests/edits.ts';
import { at, request, testUuid, user } from '../../../support/factories.ts';

const known = ['ceredigion', 'gwynedd'];
const both = user('coordinator', ['ceredigion', 'gwynedd']);
const aled = user('volunteer', ['ceredigion']);
const everywhere = user('volunteer', ['ceredigion', 'gwynedd']);

/** The open request, handed to Gwynedd at minute 20, and Aled's offline claim from minute 15. */
function race(volunteer = aled) {
  const open = request({ status: 'triaged' });
  const result = handOver(
    open,
    { to: 'gwynedd', reason: 'Gwynedd’s' },
    both,
    known,
    false,
    at(20),
    testUuid(),
  );
  if (!result.ok) throw new Error(result.problem);
  return { open, present: result.handed.request, attempted: claim(open, volunteer.id, at(15)) };
}

describe('lateClaim', () => {
  it('keeps a claim that reached the server after the request left the volunteer’s areas', () => {
    const { present, attempted } = race();
    expect(canWrite(aled, present, attempted)).toEqual({ ok: false, reason: 'outside_your_areas' });
    const kept = lateClaim(aled, present, attempted, at(40));
    expect(kept).toMatchObject({
      field: 'late_claim',
      author: aled.id,
      from: 'ceredigion',
      to: 'gwynedd',
      at: at(40),
    });
    // The same claim pushed again is the same event.
    expect(lateClaim(aled, present, attempted, at(50))?._id).toBe(kept?._id);
  });

  it('keeps nothing for a volunteer who works in the new area too, nor for other refusals', () => {
    const wide = race(everywhere);
    expect(lateClaim(everywhere, wide.present, wide.attempted, at(40))).toBeNull();
    const { open, attempted } = race();
    // Not handed over, only taken by someone else: the usual `already_assigned`.
    const taken = claim(open, everywhere.id, at(10));
    expect(lateClaim(aled, taken, attempted, at(40))).toBeNull();
    // A coordinator's write is never a claim.
    expect(lateClaim(both, open, attempted, at(40))).toBeNull();
    const { present } = race();
    expect(lateClaim(aled, present, present, at(40))).toBeNull();
  });
});

describe('openLateClaims', () => {
  const setup = () => {
    const { present, attempted } = race();
    const kept = lateClaim(aled, present, attempted, at(40));
    if (kept === null) throw new Error('no late claim');
    return { present, kept };
  };

  it('shows the claim until a coordinator decides', () => {
    const { present, kept } = setup();
    expect(openLateClaims(present, [kept])).toEqual([
      { by: aled.id, claimedIn: 'ceredigion', handedTo: 'gwynedd', at: at(40) },
    ]);
  });

  it('is settled by keeping the hand-over', () => {
    const { present, kept } = setup();
    const [open] = openLateClaims(present, [kept]);
    if (open === undefined) throw new Error('not open');
    const decision = keepHandover(present, open, both, at(45), testUuid());
    expect(decision).toMatchObject({ field: 'handover_kept', from: aled.id, to: 'gwynedd' });
    expect(openLateClaims(present, [kept, decision])).toEqual([]);
    expect(canWrite(both, null, decision, present)).toEqual({ ok: true });
  });

  it('is settled by giving it back with the claim, which the policy allows', () => {
    const { present, kept } = setup();
    const [open] = openLateClaims(present, [kept]);
    if (open === undefined) throw new Error('not open');
    const back = giveBack(present, open, both, 'Aled had it first', known, at(45), testUuid());
    if (!back.ok) throw new Error(back.problem);
    expect(back.handed.request).toMatchObject({
      area: 'ceredigion',
      assignee: aled.id,
      status: 'assigned',
    });
    expect(back.handed.event).toMatchObject({ field: 'area', from: 'gwynedd', to: 'ceredigion' });
    expect(canWrite(both, present, back.handed.request)).toEqual({ ok: true });
    expect(openLateClaims(back.handed.request, [kept, back.handed.event])).toEqual([]);
  });

  it('cannot be given back by a coordinator of the new area only', () => {
    const { present, kept } = setup();
    const [open] = openLateClaims(present, [kept]);
    if (open === undefined) throw new Error('not open');
    const north = user('coordinator', ['gwynedd']);
    expect(giveBack(present, open, north, 'mine', known, at(45), testUuid())).toEqual({
      ok: false,
      problem: 'not_allowed',
    });
  });

  it('is settled by any later hand-over or assignment', () => {
    const { present, kept } = setup();
    const moved = setRegister(present, 'area', 'ceredigion', both.id, at(50));
    expect(openLateClaims(moved, [kept])).toEqual([]);
  });
});
