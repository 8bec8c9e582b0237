import { describe, expect, it } from 'vitest';
import { mayKnowStaffName } from '#domain/access/staff-names.ts';
import { user } from '../../../support/factories.ts';

describe('mayKnowStaffName', () => {
  const admin = user('admin');
  const ceredigion = user('coordinator', ['ceredigion']);
  const both = user('coordinator', ['ceredigion', 'powys']);
  const powys = user('coordinator', ['powys']);
  const volunteer = user('volunteer', ['ceredigion']);
  const pending = user('volunteer', []);

  it('gives a volunteer the coordinators of their areas and the admins, no one else', () => {
    expect(mayKnowStaffName(volunteer, ceredigion)).toBe(true);
    expect(mayKnowStaffName(volunteer, both)).toBe(true);
    expect(mayKnowStaffName(volunteer, powys)).toBe(false);
    expect(mayKnowStaffName(volunteer, admin)).toBe(true);
    // Not yet approved: works nowhere, so knows no coordinator yet.
    expect(mayKnowStaffName(pending, ceredigion)).toBe(false);
  });

  it('gives a coordinator those who share an area with them; an admin everyone', () => {
    expect(mayKnowStaffName(ceredigion, both)).toBe(true);
    expect(mayKnowStaffName(ceredigion, powys)).toBe(false);
    expect(mayKnowStaffName(admin, powys)).toBe(true);
    expect(mayKnowStaffName(ceredigion, ceredigion)).toBe(true);
  });

  it('never gives a volunteer’s name (their profile does, by the read policy), nor to a disabled user', () => {
    expect(mayKnowStaffName(ceredigion, volunteer)).toBe(false);
    expect(mayKnowStaffName(admin, volunteer)).toBe(false);
    expect(mayKnowStaffName({ ...ceredigion, disabled: true }, both)).toBe(false);
  });
});
