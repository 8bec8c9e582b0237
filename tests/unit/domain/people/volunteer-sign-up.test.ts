import { describe, expect, it } from 'vitest';
import { canWriteProfile } from '#domain/access/profile-write-access.ts';
import { volunteerDocSchema } from '#domain/people/volunteer-doc.ts';
import {
  approveVolunteer,
  checkSignUpField,
  hasUnconfirmedDbs,
  parseSignUp,
  signUpProfile,
  type SignUp,
} from '#domain/people/volunteer-sign-up.ts';
import * as v from 'valibot';
import { t0, testUuid, user } from '../../../support/factories.ts';

function signUpBody(overrides: Record<string, unknown> = {}) {
  return {
    username: 'Nia.Jones ',
    password: 'cawl a bara brith',
    name: 'Nia Jones',
    phone: '07700 900 982',
    areas: ['ceredigion'],
    skills: ['driver', 'dbs_checked'],
    availability: { days: ['mon', 'sat'], parts_of_day: ['morning'], note: 'Not school holidays' },
    ...overrides,
  };
}

function parsed(overrides: Record<string, unknown> = {}): SignUp {
  const result = parseSignUp(signUpBody(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.fields));
  return result.value;
}

describe('parseSignUp', () => {
  it('takes a whole sign-up, tidying the username and phone number', () => {
    const value = parsed();
    expect(value.username).toBe('nia.jones');
    expect(value.phone).toBe('07700900982');
    expect(value.availability.note).toBe('Not school holidays');
  });

  it('lets skills be empty and the note be left out', () => {
    const value = parsed({
      skills: [],
      availability: { days: ['sun'], parts_of_day: ['evening'] },
    });
    expect(value.skills).toEqual([]);
    expect(value.availability.note).toBe('');
  });

  it.each([
    [{ name: '' }, 'name', 'required'],
    [{ name: 'Nia\nJones' }, 'name', 'invalid'],
    [{ name: 'x'.repeat(101) }, 'name', 'too_long'],
    [{ phone: '12' }, 'phone', 'invalid'],
    [{ areas: [] }, 'areas', 'required'],
    [{ areas: ['Ceredigion!'] }, 'areas', 'invalid'],
    [{ areas: ['ceredigion', 'ceredigion'] }, 'areas', 'invalid'],
    [{ skills: ['juggling'] }, 'skills', 'invalid'],
    [{ skills: ['driver', 'driver'] }, 'skills', 'invalid'],
    [{ availability: { days: [], parts_of_day: ['morning'] } }, 'days', 'required'],
    [{ availability: { days: ['mon'], parts_of_day: [] } }, 'parts_of_day', 'required'],
    [{ availability: { days: ['funday'], parts_of_day: ['morning'] } }, 'days', 'invalid'],
    [
      { availability: { days: ['mon'], parts_of_day: ['morning'], note: 'x'.repeat(201) } },
      'note',
      'too_long',
    ],
    [{ username: '' }, 'username', 'required'],
    [{ username: 'ab' }, 'username', 'invalid'],
    [{ username: 'nia jones' }, 'username', 'invalid'],
    [{ password: '' }, 'password', 'required'],
    [{ password: 'byr' }, 'password', 'too_short'],
    [{ password: 'x'.repeat(1025) }, 'password', 'too_long'],
    [
      { username: 'cymorth-volunteer', password: 'Cymorth-Volunteer' },
      'password',
      'same_as_username',
    ],
  ])('%j is refused with %s: %s', (overrides, field, code) => {
    const result = parseSignUp(signUpBody(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields[field]).toBe(code);
  });

  it('counts password length in characters after NFKC, so ŵ typed either way is one', () => {
    expect(parseSignUp(signUpBody({ password: 'ŵ'.repeat(10) })).ok).toBe(true);
    expect(parseSignUp(signUpBody({ password: 'w\u0302'.repeat(9) })).ok).toBe(false);
  });

  it('refuses unknown and missing keys, __proto__ included, and things that are not objects', () => {
    const hostile = JSON.parse(
      `{"__proto__": {"approval": "approved"}, ${JSON.stringify(signUpBody()).slice(1)}`,
    ) as unknown;
    const result = parseSignUp(hostile);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.entries(result.fields)).toEqual([['__proto__', 'unknown_field']]);
      expect(Object.getPrototypeOf(result.fields)).toBe(Object.prototype);
    }
    expect(parseSignUp(signUpBody({ approval: 'approved' }))).toMatchObject({
      ok: false,
      fields: { approval: 'unknown_field' },
    });
    const noPhone: Record<string, unknown> = signUpBody();
    delete noPhone.phone;
    expect(parseSignUp(noPhone)).toMatchObject({ ok: false, fields: { phone: 'required' } });
    for (const junk of [null, 'text', 42, [], undefined]) {
      expect(parseSignUp(junk).ok).toBe(false);
    }
  });
});

describe('checkSignUpField (one page at a time)', () => {
  it('gives the code the whole schema would give, or null', () => {
    expect(checkSignUpField('name', '  ')).toBe('required');
    expect(checkSignUpField('areas', [])).toBe('required');
    expect(checkSignUpField('skills', [])).toBeNull();
    expect(checkSignUpField('username', 'Gwyn.Parry')).toBeNull();
    expect(checkSignUpField('password', 'short')).toBe('too_short');
  });
});

describe('the profile a sign-up makes, and its approval', () => {
  const userId = testUuid();

  it('is a valid pending profile, with a declared DBS check kept as declared', () => {
    const profile = signUpProfile(parsed(), userId, t0);
    expect(v.is(volunteerDocSchema, profile)).toBe(true);
    expect(profile).toMatchObject({
      _id: `volunteer:${userId}`,
      approval: 'pending',
      skills: ['driver', 'dbs_checked'],
      created_at: t0,
      updated_at: t0,
    });
    expect(hasUnconfirmedDbs(profile)).toBe(true);
    // The volunteer may write exactly this for themselves.
    const self = { id: userId, role: 'volunteer' as const, areas: [], disabled: false };
    expect(canWriteProfile(self, null, profile)).toEqual({ ok: true });
  });

  it('approval keeps a DBS check only when the coordinator confirms it', () => {
    const profile = signUpProfile(parsed(), userId, t0);
    const later = '2030-01-10T10:00:00.000Z';
    const confirmed = approveVolunteer(profile, later, true);
    expect(confirmed).toMatchObject({ approval: 'approved', updated_at: later });
    expect(confirmed.skills).toContain('dbs_checked');
    expect(hasUnconfirmedDbs(confirmed)).toBe(false);
    expect(approveVolunteer(profile, later, false).skills).toEqual(['driver']);
  });

  it('approval moves updated_at on even when the approving phone’s clock is behind', () => {
    const profile = signUpProfile(parsed(), userId, t0);
    const approved = approveVolunteer(profile, '2020-01-01T00:00:00.000Z', true);
    expect(approved.updated_at > profile.updated_at).toBe(true);
    expect(v.is(volunteerDocSchema, approved)).toBe(true);
  });

  it('a coordinator of the area may approve; one elsewhere and the volunteer may not', () => {
    const profile = signUpProfile(parsed(), userId, t0);
    const approved = approveVolunteer(profile, '2030-01-10T10:00:00.000Z', true);
    expect(canWriteProfile(user('coordinator', ['ceredigion']), profile, approved).ok).toBe(true);
    expect(canWriteProfile(user('coordinator', ['gwynedd']), profile, approved).ok).toBe(false);
    const self = { id: userId, role: 'volunteer' as const, areas: [], disabled: false };
    expect(canWriteProfile(self, profile, approved).ok).toBe(false);
  });
});
