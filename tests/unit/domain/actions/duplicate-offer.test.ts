/**
 * Whom a request's page offers "mark as a duplicate" to, and against which request: what the
 * server would accept (coordinators of the area and admins, a request kept that exists, is another
 * and is no duplicate itself, in the writer's areas), and never a second link.
 */
import { describe, expect, it } from 'vitest';
import { mayMarkDuplicate } from '#domain/actions/duplicate-offer.ts';
import { markDuplicate } from '#domain/requests/edits.ts';
import { at, request, user } from '../../../support/factories.ts';

const now = at(60);
const coordinator = user('coordinator', ['ceredigion']);
const elsewhere = user('coordinator', ['powys']);
const admin = user('admin');
const volunteer = user('volunteer', ['ceredigion']);

describe('mayMarkDuplicate', () => {
  it('offers it to a coordinator of the area and to an admin', () => {
    const [dup, kept] = [request(), request()];
    expect(mayMarkDuplicate(coordinator, dup, kept, now, false)).toBe(true);
    expect(mayMarkDuplicate(admin, dup, kept, now, false)).toBe(true);
  });

  it('never to a volunteer, nor a coordinator of other areas', () => {
    const [dup, kept] = [request(), request()];
    expect(mayMarkDuplicate(volunteer, dup, kept, now, false)).toBe(false);
    expect(mayMarkDuplicate(elsewhere, dup, kept, now, false)).toBe(false);
  });

  it('not against itself, a request not held, one gone, or one outside the writer’s areas', () => {
    const dup = request();
    expect(mayMarkDuplicate(coordinator, dup, dup, now, false)).toBe(false);
    expect(mayMarkDuplicate(coordinator, dup, null, now, false)).toBe(false);
    expect(mayMarkDuplicate(coordinator, dup, { ...request(), _deleted: true }, now, false)).toBe(
      false,
    );
    const away = request({ area: 'powys' });
    expect(mayMarkDuplicate(coordinator, dup, away, now, false)).toBe(false);
    expect(mayMarkDuplicate(admin, dup, away, now, false)).toBe(true);
  });

  it('not against a duplicate, nor once linked, nor when others are its duplicates', () => {
    const kept = request();
    const already = markDuplicate(request(), kept._id, coordinator.id, at(10));
    const third = request();
    expect(mayMarkDuplicate(coordinator, third, already, now, false)).toBe(false);
    expect(mayMarkDuplicate(coordinator, already, third, now, false)).toBe(false);
    expect(mayMarkDuplicate(coordinator, kept, third, now, true)).toBe(false);
    expect(mayMarkDuplicate(coordinator, kept, third, now, false)).toBe(true);
  });
});
