/**
 * What a new password must be. Length is what matters (NIST SP 800-63B §5.1.1.2: at least 8, no
 * composition rules); we ask for 10 because these accounts open health data. Counted in code
 * points after normalising, so "ŵ" is one character however it was typed.
 */
import { normalisePassword } from './password-hash.ts';

export const minPasswordLength = 10;
export const maxPasswordLength = 1024;

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_username';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = [...normalisePassword(password)].length;
  if (length < minPasswordLength) return 'too_short';
  if (length > maxPasswordLength) return 'too_long';
  if (password.trim().toLowerCase() === username) return 'same_as_username';
  return null;
}

export const passwordProblemText: Record<PasswordProblem, string> = {
  too_short: `Passwords need at least ${minPasswordLength} characters.`,
  too_long: `Passwords may have at most ${maxPasswordLength} characters.`,
  same_as_username: 'The password must not be the username.',
};
