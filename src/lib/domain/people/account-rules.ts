/**
 * What a staff account may be: its role, its username and its password. The sign-up pages,
 * `POST /api/volunteers`, sign-in and the admin CLI all ask this module, so no two of them can
 * disagree. Problems are codes: the pages show `signup.errors.password.<code>` in the reader's
 * language, the CLI says them in English (sync-server/accounts/admin-cli/admin-cli.ts).
 *
 * Pages check what needs no dictionary as the person types (length, not the username); only the
 * server judges how guessable a password is (`passwordProblem`), so no phone downloads zxcvbn's
 * dictionaries: a sign-up needs a connection to be sent anyway, and a refusal comes back as
 * `fields.password` to the password's own page.
 */
import { estimateGuesses } from './password-guesses.ts';

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

export const passwordProblems = ['too_short', 'too_long', 'same_as_username', 'guessable'] as const;
export type PasswordProblem = (typeof passwordProblems)[number];

/**
 * zxcvbn's score 3, "safely unguessable": at least 10^8 guesses. Online guessing is held far below
 * that by the sign-in limits; it is slow going even against a stolen scrypt hash. `password123`,
 * `qwertyuiop` and ten spaces score 0.
 */
export const minPasswordScore = 3;

/** Whose password it is: their own words are the first an attacker tries. */
export type PasswordOwner = { username: string; name?: string };

const serviceWords = ['cymorth'];

/**
 * "Siân ap Gwyn" gives "siân", "gwyn", the whole name joined as people join it in passwords
 * ("siânapgwyn", "siân-ap-gwyn", …), and each again without accents ("sian"). Words shorter than
 * three letters alone would match inside too many good passwords.
 */
function ownWords({ username, name = '' }: PasswordOwner): string[] {
  const texts = [username, name].map((text) => text.trim().toLowerCase()).filter(Boolean);
  const words = texts.flatMap((text) => {
    const parts = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return [text, ...parts, ...['', '-', '.', '_'].map((glue) => parts.join(glue))];
  });
  const unaccented = words.map((word) => word.normalize('NFD').replace(/\p{M}/gu, ''));
  const long = [...words, ...unaccented].filter((word) => [...word].length >= 3);
  return [...new Set([...long, ...serviceWords])];
}

/** The rules for a new password of `owner`; null when it may be used. */
export function passwordProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < minPasswordLength) return 'too_short';
  if (length > maxPasswordLength) return 'too_long';
  if (isPasswordTheUsername(password, owner.username)) return 'same_as_username';
  const { score } = estimateGuesses(normalisePassword(password), ownWords(owner));
  if (score < minPasswordScore) return 'guessable';
  return null;
}
