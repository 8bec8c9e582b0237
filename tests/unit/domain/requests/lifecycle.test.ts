import { describe, expect, it } from 'vitest';
import { requestStatuses } from '#domain/requests/status.ts';
import { isProgress, isVolunteerProgress } from '#domain/requests/lifecycle.ts';

describe('isProgress', () => {
  it('is work started or finished, never a claim, a hand-back or a cancellation', () => {
    expect(requestStatuses.filter(isProgress)).toEqual(['in_progress', 'done']);
  });
});

describe("a volunteer's moves", () => {
  it('go forwards along assigned, in progress, done', () => {
    expect(isVolunteerProgress('assigned', 'done')).toBe(true);
    expect(isVolunteerProgress('in_progress', 'in_progress')).toBe(true);
    expect(isVolunteerProgress('done', 'in_progress')).toBe(false);
    expect(isVolunteerProgress('triaged', 'assigned')).toBe(false);
  });
});
