/**
 * Reading a new password for the admin CLI from standard input, never from the arguments (which
 * other users of the machine can see in `ps` and which land in shell history). At a terminal it is
 * typed with echo off and asked twice; from a pipe it is the first line.
 */
import type { Readable } from 'node:stream';

export class PasswordInputError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const maxPipedBytes = 64 * 1024;

export async function readNewPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine(process.stdin);
  const first = await readHidden(prompt);
  const again = await readHidden('Type it again: ');
  if (first !== again) throw new PasswordInputError('The two passwords differ; nothing changed.');
  return first;
}

export async function readFirstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n') || text.length > maxPipedBytes) break;
  }
  const line = text.split('\n')[0]!.replace(/\r$/, '');
  if (line === '') throw new PasswordInputError('No password on standard input; nothing changed.');
  return line;
}

/** Raw mode, so the terminal shows nothing; Enter ends, Backspace edits, Ctrl-C gives up. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (done: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      done();
    };
    const onData = (keys: string) => {
      for (const key of keys) {
        if (key === '\r' || key === '\n' || key === '\u0004') return finish(() => resolve(typed));
        if (key === '\u0003') {
          return finish(() => reject(new PasswordInputError('Cancelled; nothing changed.', 130)));
        }
        if (key === '\u007f' || key === '\b') typed = [...typed].slice(0, -1).join('');
        else if (key >= ' ') typed += key;
      }
    };
    stdin.on('data', onData);
  });
}
