/**
 * The admin command line, parsed into one command or a usage error. Nothing here touches the data,
 * so bad arguments are reported before the database is opened or a password is asked for.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import {
  isValidUsername,
  maxUsernameLength,
  minUsernameLength,
  type StaffRole,
} from '#domain/people/account-rules.ts';
import { areaRule, areaSchema, displayNameRule, displayNameSchema } from '../account.ts';

export const usernameRule = `Usernames are ${minUsernameLength} to ${maxUsernameLength} characters: lowercase letters a-z, digits, ".", "_" or "-".`;

export type AdminCommand =
  | { name: 'help' }
  | { name: 'list' }
  | { name: 'create-admin'; username: string; displayName?: string }
  | {
      name: 'create';
      username: string;
      role: Exclude<StaffRole, 'admin'>;
      areas: string[];
      displayName?: string;
    }
  | { name: 'disable' | 'enable' | 'reset-password'; username: string };

export type ParsedArgs = { ok: true; command: AdminCommand } | { ok: false; message: string };

const fail = (message: string): ParsedArgs => ({ ok: false, message });

const optionsOf = {
  help: [],
  list: [],
  'create-admin': ['name'],
  create: ['role', 'areas', 'name'],
  disable: [],
  enable: [],
  'reset-password': [],
} as const;
type CommandName = keyof typeof optionsOf;
const isCommandName = (word: string): word is CommandName => Object.hasOwn(optionsOf, word);

export function parseAdminArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        name: { type: 'string' },
        role: { type: 'string' },
        areas: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [word, ...rest] = positionals;
  if (values.help || word === 'help') return { ok: true, command: { name: 'help' } };
  if (word === undefined) return fail('Say which command to run.');
  if (!isCommandName(word)) return fail(`Unknown command "${word}".`);

  const allowed: readonly string[] = optionsOf[word];
  const stray = Object.keys(values).find((key) => !allowed.includes(key));
  if (stray) return fail(`"${word}" does not take --${stray}.`);
  if (word === 'list')
    return rest.length === 0
      ? { ok: true, command: { name: 'list' } }
      : fail('"list" takes no username.');

  const [username, ...extra] = rest;
  if (username === undefined) return fail(`"${word}" needs a username.`);
  if (extra.length > 0) return fail(`Unexpected "${extra.join(' ')}" (quote a name with spaces).`);
  if (!isValidUsername(username))
    return fail(`"${username}" is not a valid username. ${usernameRule}`);
  if (values.name !== undefined && !v.is(displayNameSchema, values.name))
    return fail(displayNameRule);

  switch (word) {
    case 'create-admin':
      return { ok: true, command: { name: word, username, displayName: values.name } };
    case 'create':
      return parseCreate(username, values);
    default:
      return { ok: true, command: { name: word, username } };
  }
}

function parseCreate(
  username: string,
  values: { role?: string; areas?: string; name?: string },
): ParsedArgs {
  const { role } = values;
  if (role !== 'coordinator' && role !== 'volunteer') {
    const hint = role === 'admin' ? ' The first admin is made with "create-admin".' : '';
    return fail(`"create" needs --role coordinator or --role volunteer.${hint}`);
  }
  const areas = (values.areas ?? '')
    .split(',')
    .map((area) => area.trim())
    .filter((area) => area !== '');
  const badArea = areas.find((area) => !v.is(areaSchema, area));
  if (badArea !== undefined) return fail(`"${badArea}" is not a valid area. ${areaRule}`);
  return { ok: true, command: { name: 'create', username, role, areas, displayName: values.name } };
}
