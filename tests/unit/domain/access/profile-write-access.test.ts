import { describe, expect, it } from 'vitest';
import { canWriteProfile, mayDecide } from '#domain/access/profile-write-access.ts';
import { approvals } from '#domain/people/volunteer-doc.ts';
import { at, profile, testUuid, user } from '../../../support/factories.ts';

describe('mayDecide', () => {
  it('decides a pending sign-up either way, approves a rejected one, and leaves an approved one be', () => {
    const open = approvals.flatMap((from) =>
      approvals.filter((to) => mayDecide(from, to)).map((to) => `${from}→${to}`),
    );
    expect(open.sort()).toEqual(['pending→approved', 'pending→rejected', 'rejected→approved']);
  });

  it('offers exactly the decisions the policy lets a coordinator of the area write', () => {
    const coordinator = user('coordinator', ['ceredigion']);
    for (const from of approvals) {
      const before = { ...profile(testUuid(), ['ceredigion']), approval: from };
      for (const to of approvals.filter((a) => a !== from)) {
        const after = { ...before, approval: to, updated_at: at(5) };
        expect(canWriteProfile(coordinator, before, after).ok, `${from}→${to}`).toBe(
          mayDecide(from, to),
        );
      }
    }
  });
});
