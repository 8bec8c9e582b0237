import { describe, expect, it } from 'vitest';
import {
  isValidUsername,
  maxPasswordLength,
  minPasswordLength,
  normaliseUsername,
  passwordLength,
  passwordProblem,
} from '#domain/staff/account-rules.ts';

describe('usernames', () => {
  it.each(['nia', 'nia.jones', 'gwyn-parry', 'a_b', '007', 'x'.repeat(40)])(
    '%s is valid',
    (name) => {
      expect(isValidUsername(name)).toBe(true);
    },
  );

  it.each(['ab', 'x'.repeat(41), 'Nia', 'nia jones', 'siân', 'nia!', '', ' nia'])(
    '%j is not',
    (name) => {
      expect(isValidUsername(name)).toBe(false);
    },
  );

  it('are what a phone types, tidied: no surrounding space, lowercase', () => {
    expect(normaliseUsername(' Nia.Jones ')).toBe('nia.jones');
  });
});

describe('passwordProblem', () => {
  const strong = 'Bara brith a phaned o de';

  it('takes a long passphrase', () => {
    expect(passwordProblem(strong, 'nia')).toBeNull();
  });

  it('counts characters as people do: ŵ is one however it was typed', () => {
    expect(passwordLength('ŵ')).toBe(1);
    expect(passwordLength('w\u0302')).toBe(1);
    expect(passwordProblem('w\u0302'.repeat(minPasswordLength - 1), 'nia')).toBe('too_short');
  });

  it('refuses passwords too short or too long', () => {
    expect(passwordProblem('x'.repeat(minPasswordLength - 1), 'nia')).toBe('too_short');
    expect(passwordProblem(`${strong} `.repeat(60).slice(0, maxPasswordLength + 1), 'nia')).toBe(
      'too_long',
    );
  });

  it('refuses the username, however it is typed', () => {
    expect(passwordProblem(' Cymorth-Volunteer ', 'cymorth-volunteer')).toBe('same_as_username');
  });
});
