import { describe, expect, it } from 'vitest';
import {
  isValidUsername,
  maxPasswordLength,
  minPasswordLength,
  normaliseUsername,
  passwordLength,
  passwordProblem,
  passwordProblems,
} from '#domain/people/account-rules.ts';
import { realLocales } from '../../../support/locale-i18n.ts';

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
  const nia = { username: 'nia', name: 'Nia Jones' };

  it('takes a long passphrase', () => {
    expect(passwordProblem(strong, nia)).toBeNull();
  });

  it('counts characters as people do: ŵ is one however it was typed', () => {
    expect(passwordLength('ŵ')).toBe(1);
    expect(passwordLength('w\u0302')).toBe(1);
    expect(passwordProblem('w\u0302'.repeat(minPasswordLength - 1), nia)).toBe('too_short');
  });

  it('refuses passwords too short or too long', () => {
    expect(passwordProblem('x'.repeat(minPasswordLength - 1), nia)).toBe('too_short');
    expect(passwordProblem(`${strong} `.repeat(60).slice(0, maxPasswordLength + 1), nia)).toBe(
      'too_long',
    );
  });

  it('refuses the username, however it is typed', () => {
    expect(passwordProblem(' Cymorth-Volunteer ', { username: 'cymorth-volunteer' })).toBe(
      'same_as_username',
    );
  });

  it.each([
    'password123',
    'qwertyuiop',
    ' '.repeat(10),
    'iloveyou12',
    '1234567890',
    'ŵ'.repeat(10),
  ])('refuses %j as too easy to guess, long enough as it is', (password) => {
    expect(passwordProblem(password, nia)).toBe('guessable');
  });

  it('refuses a password made of its owner’s own name, that would pass for someone else', () => {
    const gwyn = { username: 'gwyn', name: 'Gwyn Parry' };
    expect(passwordProblem('gwyn-parry', gwyn)).toBe('guessable');
    expect(passwordProblem('GwynParry2026', gwyn)).toBe('guessable');
    expect(passwordProblem('parrygwyn1', gwyn)).toBe('guessable');
    expect(passwordProblem('gwyn-parry', nia)).toBeNull();
  });

  it('knows a name with or without its accents', () => {
    expect(passwordProblem('sian-ap-gwyn', { username: 'sian', name: 'Siân ap Gwyn' })).toBe(
      'guessable',
    );
  });

  it('takes the passphrases the tests, the demo and the bench use', () => {
    const demo = { username: 'coordinator1', name: 'Gwenllian Hughes' };
    for (const password of [
      'Bara brith a phaned o de',
      'Mae hen wlad fy nhadau',
      'cymorth-demo-2026',
      'hir-a-chryf-2026',
      'correct horse battery staple',
      'a brand new passphrase',
      'cawl a bara brith',
    ]) {
      expect(passwordProblem(password, demo), password).toBeNull();
    }
  });

  it('judges a crafted password within a second (zxcvbn’s defaults take 6 to 9 here)', () => {
    const crafted = ['1234567890'.repeat(100), 'p@ssw0rd'.repeat(120), 'x'.repeat(1024)];
    for (const password of crafted) {
      const started = performance.now();
      expect(passwordProblem(password, nia)).toBe('guessable');
      expect(performance.now() - started, password.slice(0, 10)).toBeLessThan(1_000);
    }
  });
});

describe('password problems', () => {
  it('each have a message on the sign-up page, in Welsh and English', () => {
    const locales = realLocales();
    for (const code of passwordProblems) {
      for (const lang of ['cy', 'en'] as const) {
        expect(locales.flat[lang].has(`signup.errors.password.${code}`), `${lang} ${code}`).toBe(
          true,
        );
      }
    }
  });
});
