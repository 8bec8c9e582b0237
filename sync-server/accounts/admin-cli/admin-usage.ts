import { minPasswordLength } from '#domain/people/account-rules.ts';
import { usernameRule } from './admin-args.ts';

/** What `npm run admin -- --help` prints. */
export const adminUsage = `Manage Cymorth staff accounts.

Usage: npm run admin -- <command> [options]

Commands:
  create-admin <username> [--name "Full Name"]
      Make the first admin of a fresh deployment (refused once an admin exists).
  create <username> --role coordinator|volunteer [--areas a,b] [--name "Full Name"]
      Make a coordinator or volunteer account working in the given areas.
  disable <username>          Stop the account signing in; its sessions end at once.
  enable <username>           Let a disabled account sign in again.
  reset-password <username>   Set a new password; the account's sessions end.
  list                        Show every account with its role, status and areas.
  help, --help, -h            Show this text.

${usernameRule}
Passwords: at least ${minPasswordLength} characters and hard to guess (not a common password, a pattern
such as 12345, or the person's own name or username). They are read from standard input, never
from the command line: typed at the prompt (not shown, asked twice), or one line from a pipe, e.g.
  printf '%s\\n' "$PASSWORD" | npm run admin -- create alun --role volunteer --areas gwynedd

The data is read from DATA_DIR (default ./data), as the server does. Stop the server first:
the embedded database (LevelDB) can be open in only one process at a time.

Exit status: 0 done; 1 refused (unknown or existing user, weak password, ...); 2 bad arguments.`;
