import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import { canAddToRecord } from '#domain/access/record-write-access.ts';
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
