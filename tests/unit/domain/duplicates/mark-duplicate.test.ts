/**
 * Closing a request as a duplicate: the document change (cancelled, linked, under the status
 * stamp), who may make it, what the request named must be, and how the link merges and goes away.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { canWrite } from '#domain/access/access.ts';
import { applyAction, isAllowed } from '#domain/actions/request-actions.ts';
import {
  duplicateTargetProblem,
  duplicatesLinkedTo,
  linksAnew,
} from '#domain/duplicates/mark-duplicate.ts';
import { mergeRequests } from '#domain/replication/merge.ts';
import { changedFields } from '#domain/replication/write-integrity.ts';
import { markDuplicate, setRegister } from '#domain/requests/edits.ts';
import { requestDocSchema, type RequestDoc } from '#domain/requests/request.ts';
import { at, request, user } from '../../../support/factories.ts';

const coordinator = user('coordinator', ['ceredigion']);
const elsewhere = user('coordinator', ['powys']);
const admin = user('admin');
const volunteer = user('volunteer', ['ceredigion']);

describe('markDuplicate', () => {
  it('cancels the request and links it, under a new status stamp, leaving the rest', () => {
    const kept = request();
    const dup = request();
    const marked = markDuplicate(dup, kept._id, coordinator.id, at(10));
    expect(marked.status).toBe('cancelled');
    expect(marked.duplicate_of).toBe(kept._id);
    expect(marked.fields_meta.status).toEqual({ at: at(10), by: coordinator.id });
    expect(changedFields(dup, marked).sort()).toEqual([
      'duplicate_of',
      'fields_meta',
      'status',
      'updated_at',
    ]);
    expect(v.safeParse(requestDocSchema, marked).success).toBe(true);
    expect(applyAction(dup, { kind: 'duplicate', of: kept._id }, coordinator.id, at(10))).toEqual(
      marked,
    );
  });

  it('is a coordinator of the request’s area’s or an admin’s to make, never a volunteer’s', () => {
    const dup = request();
    const action = { kind: 'duplicate' as const, of: request()._id };
    expect(isAllowed(coordinator, dup, action, at(10))).toBe(true);
    expect(isAllowed(admin, dup, action, at(10))).toBe(true);
    expect(isAllowed(elsewhere, dup, action, at(10))).toBe(false);
    const held = request({ status: 'assigned', assignee: volunteer.id });
    expect(isAllowed(volunteer, held, action, at(10))).toBe(false);
    const byVolunteer = markDuplicate(held, request()._id, volunteer.id, at(10));
    expect(canWrite(volunteer, held, byVolunteer)).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
  });

  it('cannot be slipped in without restamping the status', () => {
    const cancelled = setRegister(request(), 'status', 'cancelled', coordinator.id, at(5));
    const sneaked = { ...cancelled, duplicate_of: request()._id };
    const other = user('coordinator', ['ceredigion']);
    expect(canWrite(other, cancelled, sneaked).ok).toBe(false);
    expect(canWrite(coordinator, cancelled, sneaked)).toEqual({
      ok: false,
      reason: 'unstamped_change',
    });
  });

  it('is refused by the schema on an open request or pointing at itself', () => {
    const dup = request();
    const open = { ...dup, duplicate_of: request()._id };
    expect(v.safeParse(requestDocSchema, open).success).toBe(false);
    const self = markDuplicate(dup, dup._id, coordinator.id, at(10));
    expect(v.safeParse(requestDocSchema, self).success).toBe(false);
    const notARequest = markDuplicate(
      dup,
      'contact:00000000-0000-4000-8000-000000000001',
      coordinator.id,
      at(10),
    );
    expect(v.safeParse(requestDocSchema, notARequest).success).toBe(false);
  });

  it('goes away with any later status, and merges with its status', () => {
    const dup = request();
    const marked = markDuplicate(dup, request()._id, coordinator.id, at(10));
    const reopened = setRegister(marked, 'status', 'triaged', coordinator.id, at(20));
    expect(reopened.duplicate_of).toBeUndefined();
    expect(v.safeParse(requestDocSchema, reopened).success).toBe(true);

    const laterStatus = setRegister(dup, 'status', 'triaged', coordinator.id, at(30));
    const merged = mergeRequests(marked, laterStatus);
    expect([merged.status, merged.duplicate_of]).toEqual(['triaged', undefined]);
    expect(mergeRequests(laterStatus, marked)).toEqual(merged);
    const earlierStatus = setRegister(dup, 'status', 'triaged', coordinator.id, at(5));
    const linked = mergeRequests(earlierStatus, marked);
    expect([linked.status, linked.duplicate_of]).toEqual(['cancelled', marked.duplicate_of]);
    expect(v.safeParse(requestDocSchema, linked).success).toBe(true);
  });
});

describe('duplicateTargetProblem', () => {
  const marked = request();
  it('needs another live request, itself no duplicate, that the writer may see', () => {
    const kept = request();
    expect(duplicateTargetProblem(coordinator, marked, kept, false)).toBe(null);
    expect(duplicateTargetProblem(admin, marked, request({ area: 'powys' }), false)).toBe(null);
    expect(duplicateTargetProblem(coordinator, marked, null, false)).toBe('invalid_duplicate');
    expect(duplicateTargetProblem(coordinator, marked, marked, false)).toBe('invalid_duplicate');
    expect(duplicateTargetProblem(coordinator, marked, { ...kept, _deleted: true }, false)).toBe(
      'invalid_duplicate',
    );
    const chained = markDuplicate(kept, request()._id, coordinator.id, at(1));
    expect(duplicateTargetProblem(coordinator, marked, chained, false)).toBe('invalid_duplicate');
    expect(duplicateTargetProblem(coordinator, marked, request({ area: 'powys' }), false)).toBe(
      'outside_your_areas',
    );
    expect(duplicateTargetProblem(volunteer, marked, kept, false)).toBe('role_cannot_write');
  });

  it('refuses both halves of a chain or a cycle, whichever is judged second', () => {
    const [a, b, c] = [request(), request(), request()];
    // A of B first: B, which A now names, may not become a duplicate of C, nor of A.
    const aOfB = markDuplicate(a, b._id, coordinator.id, at(1));
    expect(duplicateTargetProblem(coordinator, a, b, false)).toBe(null);
    expect(duplicateTargetProblem(coordinator, b, c, true)).toBe('has_duplicates');
    expect(duplicateTargetProblem(coordinator, b, aOfB, true)).toBe('invalid_duplicate');
    // B of C first: A may not name B, which is now a duplicate itself.
    const bOfC = markDuplicate(b, c._id, coordinator.id, at(1));
    expect(duplicateTargetProblem(coordinator, a, bOfC, false)).toBe('invalid_duplicate');
    // Even an admin, who may link across areas, makes no chain.
    expect(duplicateTargetProblem(admin, b, c, true)).toBe('has_duplicates');
  });

  it('is asked only when a write sets a new link', () => {
    const linked = markDuplicate(marked, request()._id, coordinator.id, at(1));
    expect(linksAnew(marked, linked)).toBe(true);
    expect(linksAnew(null, linked)).toBe(true);
    expect(linksAnew(linked, linked)).toBe(false);
    expect(linksAnew(linked, marked)).toBe(false);
  });

  it('lists the requests linked to a kept one, oldest first', () => {
    const kept = request();
    const a: RequestDoc = {
      ...markDuplicate(request(), kept._id, coordinator.id, at(1)),
      created_at: at(5),
    };
    const b: RequestDoc = {
      ...markDuplicate(request(), kept._id, coordinator.id, at(1)),
      created_at: at(2),
    };
    expect(duplicatesLinkedTo(kept._id, [a, kept, b]).map((r) => r._id)).toEqual([b._id, a._id]);
  });
});
