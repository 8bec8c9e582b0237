import { describe, expect, it } from 'vitest';
import { isAssignable } from '#domain/people/assignable.ts';
import { profile, testUuid } from '../../../support/factories.ts';

const approved = profile(testUuid(), ['ceredigion']);

describe('who may be given a task', () => {
  it('an approved, enabled volunteer of the request’s area', () => {
    expect(isAssignable({ profile: approved, enabled: true }, 'ceredigion')).toBe(true);
  });

  it('nobody pending, rejected, switched off, elsewhere, deleted or without a profile', () => {
    expect(
      isAssignable({ profile: { ...approved, approval: 'pending' }, enabled: true }, 'ceredigion'),
    ).toBe(false);
    expect(
      isAssignable({ profile: { ...approved, approval: 'rejected' }, enabled: true }, 'ceredigion'),
    ).toBe(false);
    expect(isAssignable({ profile: approved, enabled: false }, 'ceredigion')).toBe(false);
    expect(isAssignable({ profile: approved, enabled: true }, 'gwynedd')).toBe(false);
    expect(isAssignable({ profile: approved, enabled: true }, null)).toBe(false);
    expect(
      isAssignable({ profile: { ...approved, _deleted: true }, enabled: true }, 'ceredigion'),
    ).toBe(false);
    expect(isAssignable({ profile: null, enabled: true }, 'ceredigion')).toBe(false);
  });
});
