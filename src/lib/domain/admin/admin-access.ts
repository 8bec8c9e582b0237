/**
 * Who may administer Cymorth (areas, accounts, settings), and the one rule no admin action may
 * break: there is always an enabled admin left. The admin API (sync-server/admin/), the command
 * line and the admin pages all judge by these, so none of them can disagree.
 */
import type { StaffRole } from '../people/account-rules.ts';

export type AccountStanding = { role: StaffRole; disabled: boolean };

/** An enabled admin, and nobody else. */
export const mayAdminister = (user: AccountStanding): boolean =>
  user.role === 'admin' && !user.disabled;

/**
 * Whether changing one account from `before` to `after` would leave no enabled admin among
 * `accounts` (every account, the changed one included as it is now). Disabling or demoting the
 * last admin would lock everyone out of the admin screens, with only the shell to get back in.
 */
export function leavesNoAdmin(
  accounts: readonly AccountStanding[],
  before: AccountStanding,
  after: AccountStanding,
): boolean {
  if (!mayAdminister(before) || mayAdminister(after)) return false;
  return accounts.filter(mayAdminister).length <= 1;
}
