import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import {
  canAddEvent,
  canAddToRecord,
  mayDecideLateClaim,
} from '#domain/access/record-write-access.ts';
import { eventFields, type EventField } from '#domain/records/append-only-docs.ts';
import { event, note } from '../../../support/factories.ts';
import {
  admin,
  coordinator,
  northCoordinator,
  otherVolunteer,
  requests as r,
  volunteer,
} from '../../../support/world/world.ts';

describe('canAddToRecord', () => {
  it('lets an admin add to any request, even one the judge cannot see', () => {
    expect(canAddToRecord(admin, r.north)).toEqual({ ok: true });
    expect(canAddToRecord(admin, undefined)).toEqual({ ok: true });
  });

  it('lets a coordinator add to the requests of their areas only', () => {
    expect(canAddToRecord(coordinator, r.open)).toEqual({ ok: true });
    expect(canAddToRecord(northCoordinator, r.open)).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
    expect(canAddToRecord(coordinator, r.unrouted)).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
  });

  it('lets a volunteer add to a task they hold or have held, and no other', () => {
    expect(canAddToRecord(volunteer, r.mine)).toEqual({ ok: true });
    expect(canAddToRecord(volunteer, r.mineDone)).toEqual({ ok: true });
    expect(canAddToRecord(volunteer, r.reassigned)).toEqual({ ok: true });
    expect(canAddToRecord(otherVolunteer, r.mine)).toEqual({
      ok: false,
      reason: 'not_assigned_to_you',
    });
    expect(canAddToRecord(volunteer, r.open)).toEqual({ ok: false, reason: 'not_assigned_to_you' });
  });

  it('needs the request to judge anyone but an admin', () => {
    for (const who of [coordinator, volunteer]) {
      expect(canAddToRecord(who, undefined)).toEqual({ ok: false, reason: 'missing_request' });
    }
  });

  it('is the verdict the policy gives a note or an event written as oneself', () => {
    const people = [admin, coordinator, northCoordinator, volunteer, otherVolunteer];
    for (const request of Object.values(r)) {
      for (const who of people) {
        const verdict = canAddToRecord(who, request);
        expect(canWrite(who, null, note(request, who.id, false), request)).toEqual(verdict);
        expect(canWrite(who, null, event(request, who.id), request)).toEqual(verdict);
      }
    }
  });
});

describe('canAddEvent', () => {
  const people = [admin, coordinator, northCoordinator, volunteer, otherVolunteer];
  const of = (field: EventField) => ({ field });

  it('lets nobody write what only the server keeps, an admin neither', () => {
    for (const field of ['late_status', 'late_claim'] as const) {
      for (const who of people) {
        for (const request of Object.values(r)) {
          expect(canAddEvent(who, of(field), request)).toEqual({
            ok: false,
            reason: 'server_only',
          });
          expect(canWrite(who, null, { ...event(request, who.id), field }, request)).toEqual({
            ok: false,
            reason: 'server_only',
          });
        }
      }
    }
  });

  it('lets only a coordinator of the request’s area, or an admin, keep a hand-over', () => {
    expect(canAddEvent(coordinator, of('handover_kept'), r.open)).toEqual({ ok: true });
    expect(canAddEvent(admin, of('handover_kept'), r.north)).toEqual({ ok: true });
    expect(canAddEvent(northCoordinator, of('handover_kept'), r.open)).toEqual({
      ok: false,
      reason: 'outside_your_areas',
    });
    // A volunteer who held the task may add to its record, but not decide its late claim.
    expect(canAddToRecord(volunteer, r.mine)).toEqual({ ok: true });
    expect(canAddEvent(volunteer, of('handover_kept'), r.mine)).toEqual({
      ok: false,
      reason: 'role_cannot_write',
    });
    for (const request of Object.values(r)) {
      for (const who of people) {
        expect(mayDecideLateClaim(who, request), `${who.id} on ${request._id}`).toBe(
          canAddEvent(who, of('handover_kept'), request).ok,
        );
      }
    }
    expect(mayDecideLateClaim({ ...coordinator, disabled: true }, r.open)).toBe(false);
  });

  it('judges every other kind as any addition to the record', () => {
    const others = eventFields.filter(
      (f) => f !== 'late_status' && f !== 'late_claim' && f !== 'handover_kept',
    );
    for (const field of others) {
      for (const who of people) {
        for (const request of Object.values(r)) {
          expect(canAddEvent(who, of(field), request)).toEqual(canAddToRecord(who, request));
        }
      }
    }
  });
});
