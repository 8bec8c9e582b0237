import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leavesNoAdmin, mayAdminister, type AccountStanding } from '#domain/admin/admin-access.ts';
import { staffRoles } from '#domain/people/account-rules.ts';

const admin: AccountStanding = { role: 'admin', disabled: false };
const coordinator: AccountStanding = { role: 'coordinator', disabled: false };

describe('mayAdminister', () => {
  it('lets only an enabled admin administer', () => {
    expect(mayAdminister(admin)).toBe(true);
    expect(mayAdminister({ role: 'admin', disabled: true })).toBe(false);
    expect(mayAdminister(coordinator)).toBe(false);
    expect(mayAdminister({ role: 'volunteer', disabled: false })).toBe(false);
  });
});

describe('leavesNoAdmin', () => {
  it('refuses disabling or demoting the only enabled admin', () => {
    const all = [admin, coordinator, { role: 'admin', disabled: true } as const];
    expect(leavesNoAdmin(all, admin, { ...admin, disabled: true })).toBe(true);
    expect(leavesNoAdmin(all, admin, { ...admin, role: 'coordinator' })).toBe(true);
    expect(leavesNoAdmin(all, admin, { ...admin, role: 'volunteer' })).toBe(true);
  });

  it('allows it when another enabled admin remains, and allows any change to others', () => {
    expect(leavesNoAdmin([admin, admin], admin, { ...admin, disabled: true })).toBe(false);
    expect(
      leavesNoAdmin([admin, coordinator], coordinator, { ...coordinator, disabled: true }),
    ).toBe(false);
    expect(leavesNoAdmin([admin], admin, admin)).toBe(false);
  });

  it('never leaves a set of accounts with an admin without one (property)', () => {
    const standing = fc.record({ role: fc.constantFrom(...staffRoles), disabled: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(standing, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        standing,
        (all, i, after) => {
          const index = i % all.length;
          const before = all[index]!;
          if (leavesNoAdmin(all, before, after)) return;
          const next = all.map((a, j) => (j === index ? after : a));
          const hadAdmin = all.some(mayAdminister);
          expect(!hadAdmin || next.some(mayAdminister)).toBe(true);
        },
      ),
    );
  });
});
