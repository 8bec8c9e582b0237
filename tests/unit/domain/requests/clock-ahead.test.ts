/**
 * A device whose clock runs ahead must not win every merge: given the server's clock, `canWrite`
 * refuses a write that sets any time (a field stamp, `updated_at`, an assignment, a note's
 * `created_at`, a profile's `updated_at`) more than five minutes ahead of it, and only the times
 * the write itself sets count.
 */
import { describe, expect, it } from 'vitest';
import { canWrite, forbiddenReasons } from '#domain/access/access.ts';
import { claim, setRegister } from '#domain/requests/edits.ts';
import { isAheadOf, maxClockSkewMs } from '#domain/documents/stamps.ts';
import { futureTimeProblem, timesOf } from '#domain/replication/write-integrity.ts';
import en from '../../../../locales/en/staff.json';
import cy from '../../../../locales/cy/staff.json';
import { at, contactFor, note, profile } from '../../../support/factories.ts';
import { admin, coordinator, requests as r, volunteer } from '../../../support/world/world.ts';

const serverNow = at(60);
const ahead = (minutes: number) => new Date(Date.parse(serverNow) + minutes * 60_000).toISOString();
const refused = { ok: false, reason: 'clock_ahead' };

describe('isAheadOf', () => {
  it('allows five minutes of drift, not a moment more', () => {
    expect(maxClockSkewMs).toBe(5 * 60_000);
    expect(isAheadOf(ahead(5), serverNow)).toBe(false);
    expect(isAheadOf(new Date(Date.parse(ahead(5)) + 1).toISOString(), serverNow)).toBe(true);
    expect(isAheadOf(at(0), serverNow)).toBe(false);
  });
});

describe('timesOf', () => {
  it('finds every stamp and time by its path, and none of CouchDB’s fields', () => {
    const doc = claim(r.open, volunteer.id, at(5));
    const times = timesOf({ ...doc, _rev: '1-a', _revisions: { start: 1, ids: ['a'] } });
    expect(times.get('fields_meta.assignee.at')).toBe(at(5));
    expect(times.get('assignments.0.at')).toBe(at(5));
    expect(times.get('updated_at')).toBe(at(5));
    expect(times.get('created_at')).toBe(doc.created_at);
    expect([...times.keys()].some((k) => k.startsWith('_'))).toBe(false);
  });
});

describe('canWrite with the server’s clock', () => {
  it('refuses a claim stamped more than five minutes ahead, accepts one within', () => {
    expect(
      canWrite(volunteer, r.open, claim(r.open, volunteer.id, ahead(6)), undefined, serverNow),
    ).toEqual(refused);
    expect(
      canWrite(volunteer, r.open, claim(r.open, volunteer.id, ahead(4)), undefined, serverNow),
    ).toEqual({ ok: true });
  });

  it('judges every kind of time, for every role, admins included', () => {
    const edited = setRegister(r.open, 'urgency', 'high', coordinator.id, ahead(60));
    expect(canWrite(coordinator, r.open, edited, undefined, serverNow)).toEqual(refused);
    const adminEdit = setRegister(r.open, 'urgency', 'high', admin.id, ahead(60 * 24 * 365));
    expect(canWrite(admin, r.open, adminEdit, undefined, serverNow)).toEqual(refused);

    const contact = contactFor(r.open);
    const futureContact = { ...contact, updated_at: ahead(10) };
    expect(canWrite(coordinator, contact, futureContact, r.open, serverNow)).toEqual(refused);

    const futureNote = { ...note(r.mine, volunteer.id, false), created_at: ahead(10) };
    expect(canWrite(volunteer, null, futureNote, r.mine, serverNow)).toEqual(refused);
    expect(canWrite(volunteer, null, note(r.mine, volunteer.id, false), r.mine, serverNow)).toEqual(
      {
        ok: true,
      },
    );

    const own = profile(volunteer.id, ['ceredigion']);
    const futureProfile = { ...own, phone: '07700900999', updated_at: ahead(30) };
    expect(canWrite(volunteer, own, futureProfile, undefined, serverNow)).toEqual(refused);
  });

  it('a new document is judged on all its times', () => {
    const born = { ...contactFor(r.open), created_at: ahead(20) };
    expect(canWrite(coordinator, null, born, r.open, serverNow)).toEqual(refused);
  });

  it('only the times this write sets count: an old future stamp does not block a later edit', () => {
    // Stored before the rule (or by a server whose clock was wrong), still ahead of the server.
    const stuck = setRegister(r.open, 'urgency', 'high', coordinator.id, ahead(60));
    const later = setRegister(stuck, 'status', 'triaged', coordinator.id, ahead(1));
    expect(later.updated_at).toBe(stuck.updated_at);
    expect(futureTimeProblem(stuck, later, serverNow)).toBeNull();
    expect(canWrite(coordinator, stuck, later, undefined, serverNow)).toEqual({ ok: true });
  });

  it('without a clock (a device judging its own edit) nothing is ahead', () => {
    const edited = setRegister(r.open, 'urgency', 'high', coordinator.id, ahead(60 * 24));
    expect(canWrite(coordinator, r.open, edited)).toEqual({ ok: true });
  });
});

describe('the refusal reasons', () => {
  it('are all shown to people in words, in Welsh and in English', () => {
    for (const reason of forbiddenReasons) {
      expect(en.sync.refused_reasons, reason).toHaveProperty([reason]);
      expect(cy.sync.refused_reasons, reason).toHaveProperty([reason]);
    }
    expect(cy.sync.refused_reasons['clock_ahead']).not.toBe(en.sync.refused_reasons['clock_ahead']);
  });
});
