/**
 * `npm run admin -- <command>`: staff accounts from the server machine's shell. scripts/admin.ts
 * connects this to the process (arguments, terminal, data directory); everything else is here.
 * Exit status: 0 done, 1 refused or failed, 2 bad arguments.
 */
import {
  maxPasswordLength,
  minPasswordLength,
  type PasswordProblem,
} from '#domain/people/account-rules.ts';
import { StorageUnavailableError } from '../../storage/pouch-storage.ts';
import type { Storage } from '../../storage/storage.ts';
import type { AccountDoc } from '../account.ts';
import { parseAdminArgs, type AdminCommand } from './admin-args.ts';
import { adminUsage } from './admin-usage.ts';
import {
  createAccount,
  createFirstAdmin,
  findAccount,
  hasAdmin,
  listAccounts,
  resetPassword,
  setDisabled,
  type AccountContext,
  type AccountProblem,
  type AccountResult,
} from '../account-store.ts';
import { productionScrypt } from '../password-hash.ts';
import { PasswordInputError } from './password-prompt.ts';

export type AdminIo = {
  /** Where the data is, as the user should read it: a directory, or a CouchDB server (no password). */
  dataDir: string;
  openStorage(): Promise<Storage>;
  /** Asks for a new password: twice at a terminal, one line from a pipe. */
  readPassword(prompt: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  now(): Date;
};

export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  const parsed = parseAdminArgs(argv);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${adminUsage}`);
    return 2;
  }
  if (parsed.command.name === 'help') {
    io.out(adminUsage);
    return 0;
  }
  let storage: Storage;
  try {
    storage = await io.openStorage();
    await storage.serverOnly.ping();
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      io.err(error.message);
      return 1;
    }
    io.err(`Could not open the data in ${io.dataDir}: ${String(error)}`);
    io.err('Is the server running? Stop it first: only one process can open the data at a time.');
    return 1;
  }
  try {
    const ctx: AccountContext = {
      store: storage.serverOnly,
      now: io.now,
      scrypt: productionScrypt,
    };
    return await execute(parsed.command, ctx, io);
  } catch (error) {
    if (!(error instanceof PasswordInputError)) throw error;
    io.err(error.message);
    return error.exitCode;
  } finally {
    await storage.close();
  }
}

/** The CLI is for the server's operator, in English; the pages translate the same codes. */
const passwordProblemText: Record<PasswordProblem, string> = {
  too_short: `Passwords need at least ${minPasswordLength} characters.`,
  too_long: `Passwords may have at most ${maxPasswordLength} characters.`,
  same_as_username: 'The password must not be the username.',
  guessable:
    'That password is too easy to guess: a common password, a pattern such as 12345 or qwerty, ' +
    "or the person's own name. A few words that mean nothing together make a strong one.",
};

function problemText(problem: AccountProblem, username: string): string {
  switch (problem) {
    case 'exists':
      return `There is already an account called "${username}".`;
    case 'admin_exists':
      return 'An admin already exists: create-admin is only for a fresh deployment.';
    case 'unknown_user':
      return `There is no account called "${username}" (see: npm run admin -- list).`;
    case 'last_admin':
      return `"${username}" is the last enabled admin; make another account an admin in the app first.`;
    case 'invalid_username':
    case 'invalid_name':
    case 'invalid_area':
      // Checked with the arguments already; here only if the rules and the parser disagree.
      return `Invalid ${problem.slice('invalid_'.length)}.`;
    default:
      return passwordProblemText[problem];
  }
}

async function execute(command: AdminCommand, ctx: AccountContext, io: AdminIo): Promise<number> {
  if (command.name === 'help') return 0;
  if (command.name === 'list') {
    io.out(formatAccounts(await listAccounts(ctx.store)));
    return 0;
  }
  const { username } = command;
  const refuse = (problem: AccountProblem) => {
    io.err(problemText(problem, username));
    return 1;
  };
  const outcome = (result: AccountResult, done: string) => {
    if (!result.ok) return refuse(result.problem);
    io.out(done);
    return 0;
  };
  // Checked before asking for a password, so nobody types one for nothing.
  const exists = (await findAccount(ctx.store, username)) !== null;
  switch (command.name) {
    case 'create-admin': {
      if (exists) return refuse('exists');
      if (await hasAdmin(ctx.store)) return refuse('admin_exists');
      const password = await io.readPassword(`Password for ${username}: `);
      const result = await createFirstAdmin(ctx, { ...command, password });
      return outcome(result, `Created admin "${username}".`);
    }
    case 'create': {
      if (exists) return refuse('exists');
      const password = await io.readPassword(`Password for ${username}: `);
      const result = await createAccount(ctx, { ...command, password });
      const areas = command.areas.length > 0 ? command.areas.join(', ') : 'none yet';
      return outcome(result, `Created ${command.role} "${username}" (areas: ${areas}).`);
    }
    case 'disable':
      if (!exists) return refuse('unknown_user');
      return outcome(
        await setDisabled(ctx, username, true),
        `Disabled "${username}": signed out everywhere, and cannot sign in until enabled.`,
      );
    case 'enable':
      if (!exists) return refuse('unknown_user');
      return outcome(
        await setDisabled(ctx, username, false),
        `Enabled "${username}": they can sign in again.`,
      );
    case 'reset-password': {
      if (!exists) return refuse('unknown_user');
      const password = await io.readPassword(`New password for ${username}: `);
      return outcome(
        await resetPassword(ctx, username, password),
        `New password set for "${username}"; their old sessions have ended.`,
      );
    }
  }
}

function formatAccounts(accounts: readonly AccountDoc[]): string {
  if (accounts.length === 0) {
    return 'No accounts yet. Make the first admin with: npm run admin -- create-admin <username>';
  }
  const rows = accounts.map((a) => [
    a.username,
    a.role,
    a.disabled ? 'disabled' : 'active',
    a.areas.join(',') || '-',
    a.display_name,
  ]);
  const table = [['USERNAME', 'ROLE', 'STATUS', 'AREAS', 'NAME'], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
