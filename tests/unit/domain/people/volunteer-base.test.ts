/**
 * A volunteer's base postcode, for measuring how far a task is: optional at sign-up, a district or
 * a whole postcode in any case and spacing, stored in one form, and the volunteer's own to change
 * (a coordinator of their area may correct it too).
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { canWriteProfile } from '#domain/access/profile-write-access.ts';
import { normaliseBasePostcode, volunteerDocSchema } from '#domain/people/volunteer-doc.ts';
import { parseSignUp, signUpProfile } from '#domain/people/volunteer-sign-up.ts';
import { profile, t0, testUuid, user } from '../../../support/factories.ts';

const body = (base?: unknown) => ({
  username: 'nia.jones',
  password: 'cawl a bara brith',
  name: 'Nia Jones',
  phone: '07700 900 982',
  areas: ['ceredigion'],
  skills: ['welsh_speaker'],
  availability: { days: ['mon'], parts_of_day: ['morning'], note: '' },
  ...(base === undefined ? {} : { base_postcode: base }),
});

function profileFrom(base?: unknown) {
  const result = parseSignUp(body(base));
  if (!result.ok) throw new Error(JSON.stringify(result.fields));
  return signUpProfile(result.value, testUuid(), t0);
}

describe('base postcode', () => {
  it('takes a district or a whole postcode as typed, in one stored form', () => {
    expect(normaliseBasePostcode(' sy23 ')).toBe('SY23');
    expect(normaliseBasePostcode('sy231aa')).toBe('SY23 1AA');
    expect(normaliseBasePostcode('SY23  1AA')).toBe('SY23 1AA');
    expect(normaliseBasePostcode('Aberystwyth')).toBe(null);
    expect(normaliseBasePostcode('SY23 1')).toBe(null);
  });

  it('is optional at sign-up, and kept on the profile only when given', () => {
    expect(profileFrom('sy23 1aa').base_postcode).toBe('SY23 1AA');
    expect(profileFrom('ll55').base_postcode).toBe('LL55');
    expect('base_postcode' in profileFrom()).toBe(false);
    expect('base_postcode' in profileFrom('  ')).toBe(false);
    expect(parseSignUp(body('not a postcode'))).toEqual({
      ok: false,
      fields: { base_postcode: 'invalid' },
    });
    expect(parseSignUp(body(42))).toEqual({ ok: false, fields: { base_postcode: 'invalid' } });
  });

  it('is stored only in its normal form', () => {
    const doc = profile(testUuid(), ['ceredigion']);
    expect(v.safeParse(volunteerDocSchema, { ...doc, base_postcode: 'SY23 1AA' }).success).toBe(
      true,
    );
    expect(v.safeParse(volunteerDocSchema, { ...doc, base_postcode: 'sy231aa' }).success).toBe(
      false,
    );
  });

  it('is the volunteer’s own to change, and their coordinator’s, not another volunteer’s', () => {
    const me = user('volunteer', ['ceredigion']);
    const mine = profile(me.id, ['ceredigion']);
    const moved = { ...mine, base_postcode: 'SY23', updated_at: '2030-01-11T09:00:00.000Z' };
    expect(canWriteProfile(me, mine, moved)).toEqual({ ok: true });
    expect(canWriteProfile(user('coordinator', ['ceredigion']), mine, moved)).toEqual({ ok: true });
    expect(canWriteProfile(user('volunteer', ['ceredigion']), mine, moved).ok).toBe(false);
  });
});
