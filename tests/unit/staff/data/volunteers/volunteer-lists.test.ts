import { describe, expect, it } from 'vitest';
import { volunteerLists } from '$lib/staff/data/volunteers/volunteer-lists.ts';
import { at, request, testUuid, user } from '../../../../support/factories.ts';

const now = at(60);

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
