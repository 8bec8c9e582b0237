import { describe, expect, it } from 'vitest';
import { setRegister } from '#domain/requests/edits.ts';
import {
  coordinatorQueue,
  matchesFilter,
  volunteerLists,
} from '$lib/staff/requests/request-list.ts';
import { at, coordinatorId, request, testUuid, user } from '../../../support/factories.ts';

const now = at(60);
const urgent = (doc: ReturnType<typeof request>) =>
  setRegister(doc, 'urgency', 'high', coordinatorId, at(5));
const low = (doc: ReturnType<typeof request>) =>
  setRegister(doc, 'urgency', 'low', coordinatorId, at(5));

describe('coordinatorQueue', () => {
  const coordinator = user('coordinator', ['ceredigion']);

  it('lists the requests of their areas, most urgent first', () => {
    const a = low(request());
    const b = urgent(request());
    const elsewhere = urgent(request({ area: 'powys' }));
    const queue = coordinatorQueue([a, elsewhere, b], coordinator, 'all', now);
    expect(queue.map((r) => r._id)).toEqual([b._id, a._id]);
  });

  it('shows an admin every request', () => {
    const all = [request(), request({ area: 'powys' })];
    expect(coordinatorQueue(all, user('admin'), 'all', now)).toHaveLength(2);
  });

  it('filters by status; "active" leaves out what is done or cancelled', () => {
    const open = request({ status: 'triaged' });
    const done = request({ status: 'done', assignee: testUuid() });
    const cancelled = request({ status: 'cancelled' });
    const all = [open, done, cancelled];
    expect(coordinatorQueue(all, coordinator, 'active', now)).toEqual([open]);
    expect(coordinatorQueue(all, coordinator, 'done', now)).toEqual([done]);
    expect(coordinatorQueue(all, coordinator, 'all', now)).toHaveLength(3);
  });
});

describe('volunteerLists', () => {
  it('splits their own tasks from the open ones they may claim', () => {
    const volunteer = user('volunteer', ['ceredigion']);
    const mine = request({ status: 'assigned', assignee: volunteer.id });
    const finished = request({ status: 'done', assignee: volunteer.id });
    const open = request({ status: 'triaged' });
    const elsewhere = request({ status: 'triaged', area: 'powys' });
    const theirs = request({ status: 'assigned', assignee: testUuid() });
    const lists = volunteerLists([finished, open, elsewhere, theirs, mine], volunteer, now);
    expect(lists.mine.map((r) => r._id)).toEqual([mine._id, finished._id]);
    expect(lists.claimable.map((r) => r._id)).toEqual([open._id]);
  });
});

describe('filters', () => {
  it('matches statuses to filters', () => {
    expect(matchesFilter('in_progress', 'active')).toBe(true);
    expect(matchesFilter('cancelled', 'active')).toBe(false);
    expect(matchesFilter('new', 'triaged')).toBe(false);
  });
});
