/**
 * What a staff account may be: its role, its username and its password. The sign-up pages,
 * `POST /api/volunteers`, sign-in and the admin CLI all ask this module, so no two of them can
 * disagree. Problems are codes: the pages show `signup.errors.password.<code>` in the reader's
 * language, the CLI says them in English (sync-server/accounts/admin-cli.ts).
 */

export const staffRoles = ['admin', 'coordinator', 'volunteer'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const minUsernameLength = 3;
export const maxUsernameLength = 40;
/** Lowercase letters a-z, digits, ".", "_" or "-": safe in a URL, a log line and a shell. */
export const usernamePattern = new RegExp(
  `^[a-z0-9._-]{${minUsernameLength},${maxUsernameLength}}$`,
);
export const isValidUsername = (value: string) => usernamePattern.test(value);

/** People type usernames on phones that capitalise the first letter and add a trailing space. */
export const normaliseUsername = (typed: string) => typed.trim().toLowerCase();

/**
 * Length is what matters most (NIST SP 800-63B §5.1.1.2: at least 8, no composition rules); we ask
 * for 10 because these accounts open health data. The upper bound only keeps hashing cheap.
 */
export const minPasswordLength = 10;
export const maxPasswordLength = 1024;

/**
 * Unicode has more than one byte form for the same letters (a Welsh ŵ typed on one phone may arrive
 * as w + combining circumflex from another), so passwords are counted and hashed in NFKC, as NIST
 * SP 800-63B §5.1.1.2 recommends.
 */
export const normalisePassword = (password: string) => password.normalize('NFKC');

/** Characters as a person counts them: code points after normalising. */
export const passwordLength = (password: string) => [...normalisePassword(password)].length;

export const isPasswordTheUsername = (password: string, username: string) =>
  normaliseUsername(password) === normaliseUsername(username);

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_username';

/** The rules for a new password, for `username`; null when it may be used. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < minPasswordLength) return 'too_short';
  if (length > maxPasswordLength) return 'too_long';
  if (isPasswordTheUsername(password, username)) return 'same_as_username';
  return null;
}
