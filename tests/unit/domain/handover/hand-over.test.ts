/**
 * Handing a request to another area: who may (a coordinator of both areas, or an admin), what it
 * writes (the area under a new stamp, an event with from, to, who and the reason), what becomes
 * of the assignee, and every way of getting it wrong the rule must refuse.
 */
import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import { handOver, handoverTargets, mayHandOver } from '#domain/handover/hand-over.ts';
import { maxHandoverReason } from '#domain/records/append-only-docs.ts';
import { setRegister } from '#domain/requests/edits.ts';
import { at, request, testUuid, user } from '../../../support/factories.ts';

const known = ['ceredigion', 'gwynedd', 'powys'];
const both = user('coordinator', ['ceredigion', 'gwynedd']);
const fromOnly = user('coordinator', ['ceredigion']);
const toOnly = user('coordinator', ['gwynedd']);
const admin = user('admin');
const volunteer = user('volunteer', ['ceredigion', 'gwynedd']);
const draft = { to: 'gwynedd', reason: '  Lives over the border in Gwynedd  ' };

const attempt = (who = both, doc = request({ status: 'triaged' }), d = draft, stays = false) =>
  handOver(doc, d, who, known, stays, at(30), testUuid());

describe('handOver', () => {
  it('moves the request and records from, to, who and the trimmed reason', () => {
    const doc = request({ status: 'triaged' });
    const result = attempt(both, doc);
    if (!result.ok) throw new Error(result.problem);
    const { request: moved, event } = result.handed;
    expect(moved.area).toBe('gwynedd');
    expect(moved.fields_meta.area).toEqual({ at: at(30), by: both.id });
    expect(moved.status).toBe('triaged');
    expect(event).toMatchObject({
      type: 'event',
      request_id: doc._id,
      field: 'area',
      from: 'ceredigion',
      to: 'gwynedd',
      author: both.id,
      at: at(30),
      reason: 'Lives over the border in Gwynedd',
    });
    expect(canWrite(both, doc, moved)).toEqual({ ok: true });
  });

  it('is an admin’s to make between any areas', () => {
    expect(attempt(admin, request({ area: 'powys', status: 'triaged' })).ok).toBe(true);
  });

  it('is refused to a volunteer, and to a coordinator covering one side only', () => {
    for (const who of [volunteer, fromOnly, toOnly]) {
      expect(attempt(who)).toEqual({ ok: false, problem: 'not_allowed' });
      expect(mayHandOver(who, 'ceredigion', 'gwynedd')).toBe(false);
    }
  });

  it('is refused by the policy too, whoever wrote the document', () => {
    const doc = request({ status: 'triaged' });
    const moved = setRegister(doc, 'area', 'gwynedd', fromOnly.id, at(30));
    expect(canWrite(fromOnly, doc, moved)).toEqual({ ok: false, reason: 'outside_your_areas' });
    const pulled = setRegister(
      request({ status: 'triaged' }),
      'area',
      'gwynedd',
      toOnly.id,
      at(30),
    );
    expect(canWrite(toOnly, doc, pulled).ok).toBe(false);
    const byVolunteer = setRegister(doc, 'area', 'gwynedd', volunteer.id, at(30));
    expect(canWrite(volunteer, doc, byVolunteer)).toEqual({ ok: false, reason: 'read_only_field' });
  });

  it('is judged on the area the request is in now, not the one a stale branch names', () => {
    // Handed to Powys meanwhile: a coordinator of Ceredigion and Gwynedd no longer answers for it.
    const stale = request({ status: 'triaged' });
    const present = setRegister(stale, 'area', 'powys', admin.id, at(20));
    const branch = setRegister(stale, 'area', 'gwynedd', both.id, at(30));
    expect(canWrite(both, present, { ...branch, fields_meta: branch.fields_meta })).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
    expect(attempt(both, present)).toEqual({ ok: false, problem: 'not_allowed' });
  });

  it('refuses an unknown area, no area, and the area it is already in', () => {
    expect(attempt(both, undefined, { ...draft, to: 'atlantis' })).toEqual({
      ok: false,
      problem: 'unknown_area',
    });
    expect(attempt(admin, undefined, { ...draft, to: 'atlantis' })).toEqual({
      ok: false,
      problem: 'unknown_area',
    });
    expect(attempt(both, undefined, { ...draft, to: '' })).toEqual({
      ok: false,
      problem: 'choose_area',
    });
    expect(attempt(both, undefined, { ...draft, to: 'ceredigion' })).toEqual({
      ok: false,
      problem: 'same_area',
    });
  });

  it('requires a reason, trimmed, within bounds, without control characters', () => {
    const withReason = (reason: string) => attempt(both, undefined, { ...draft, reason });
    expect(withReason('')).toEqual({ ok: false, problem: 'reason_required' });
    expect(withReason('   \n ')).toEqual({ ok: false, problem: 'reason_required' });
    expect(withReason('x'.repeat(maxHandoverReason + 1))).toEqual({
      ok: false,
      problem: 'reason_too_long',
    });
    expect(withReason('x'.repeat(maxHandoverReason)).ok).toBe(true);
    expect(withReason(`  ${'x'.repeat(maxHandoverReason)}  `).ok).toBe(true);
    expect(withReason('bell\u0007')).toEqual({ ok: false, problem: 'reason_invalid' });
  });

  it('clears an assignee who does not work in the new area, back to triage', () => {
    const held = request({ status: 'assigned', assignee: volunteer.id });
    const result = attempt(both, held, draft, false);
    if (!result.ok) throw new Error(result.problem);
    expect(result.handed.request).toMatchObject({ assignee: null, status: 'triaged' });
    expect(canWrite(both, held, result.handed.request)).toEqual({ ok: true });
  });

  it('keeps an assignee who works in both areas', () => {
    const held = request({ status: 'in_progress', assignee: volunteer.id });
    const result = attempt(both, held, draft, true);
    if (!result.ok) throw new Error(result.problem);
    expect(result.handed.request).toMatchObject({ assignee: volunteer.id, status: 'in_progress' });
  });
});

describe('handoverTargets', () => {
  it('offers the areas the user covers besides the present one; all of them to an admin', () => {
    const doc = request();
    expect(handoverTargets(both, doc, known)).toEqual(['gwynedd']);
    expect(handoverTargets(fromOnly, doc, known)).toEqual([]);
    expect(handoverTargets(toOnly, doc, known)).toEqual([]);
    expect(handoverTargets(volunteer, doc, known)).toEqual([]);
    expect(handoverTargets(admin, doc, known)).toEqual(['gwynedd', 'powys']);
    expect(handoverTargets(user('admin', [], true), doc, known)).toEqual([]);
  });
});
