/**
 * A staff account as stored in the server-only database under `user:<username>`. Never replicated:
 * devices only ever see `SignedInUser`, the account without its password and bookkeeping.
 */
import * as v from 'valibot';
import type { StaffRole } from '#domain/people/account-rules.ts';
import type { PasswordHash } from './password-hash.ts';

export type AccountDoc = {
  _id: string;
  _rev?: string;
  type: 'user';
  username: string;
  display_name: string;
  role: StaffRole;
  /** Communities, wards or counties this person works in. */
  areas: string[];
  disabled: boolean;
  password: PasswordHash;
  /**
   * Sessions carry the generation they were made in. Disabling an account or resetting its
   * password moves it on, which ends every session at once, on every instance, without finding
   * them: re-enabling an account does not bring a lost phone's session back.
   */
  session_generation: number;
  created_at: string;
  updated_at: string;
};

/**
 * Who is signed in: what `GET /api/session` answers and what `c.var.user` holds. Named by username;
 * the access policy's `StaffUser` (#domain/people/users.ts) is the same person named by id
 * (replication/policy-user.ts).
 */
export type SignedInUser = Pick<AccountDoc, 'username' | 'display_name' | 'role' | 'areas'>;

export const toSignedInUser = (doc: AccountDoc): SignedInUser => ({
  username: doc.username,
  display_name: doc.display_name,
  role: doc.role,
  areas: [...doc.areas],
});

export const accountDocId = (username: string) => `user:${username}`;

export const areaSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]{0,59}$/));
export const areaRule =
  'Areas are short ids (up to 60 characters: lowercase letters, digits, "-" or "_"), e.g. "gwynedd".';

// Control characters would corrupt the terminal listing and the UI alike.
// eslint-disable-next-line no-control-regex
const oneLineOfText = /^[^\u0000-\u001f\u007f]*$/;

export const displayNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1),
  v.maxLength(100),
  v.regex(oneLineOfText),
);
export const displayNameRule = 'Names are 1 to 100 characters, on one line.';
