/**
 * The passphrase of protected notes for the command line (docs/cli.md),
 * never from an argument (arguments are visible to every user in the process
 * list and kept in shell history): in this order, a file descriptor given
 * with `--passphrase-fd N`, the environment variable RECOLLECTION_PASSPHRASE,
 * or a prompt on the terminal with echo off. Without any, the command fails
 * with the LOCKED message and what to do.
 *
 * Constraint: the passphrase is never printed, logged or put in an error.
 */
import fs from 'node:fs';
import { CliError, UsageError } from './context';

export const PASSPHRASE_ENV = 'RECOLLECTION_PASSPHRASE';

/** The first line read from file descriptor `fd` (a pipe, a file, a here-string). */
function fromFd(fd: number): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(4096);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw new CliError(`cannot read the passphrase from file descriptor ${fd}`);
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    if (buf.subarray(0, n).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal with echo off; null when there is no terminal. */
async function fromTerminal(): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY || !process.stderr.isTTY) return null;
  process.stderr.write('Passphrase for your notes: ');
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            stdin.off('data', onData);
            resolve(typed);
            return;
          }
          if (ch === '\u0003') {
            stdin.off('data', onData);
            reject(new CliError('cancelled'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}

export const NO_PASSPHRASE =
  'your notes are protected by a passphrase: type it when asked (on a terminal), or give it with ' +
  `--passphrase-fd N or the ${PASSPHRASE_ENV} environment variable (see docs/cli.md)`;

/** The passphrase from the first source that has one; throws when none does. */
export async function readPassphrase(fdOption: unknown, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (typeof fdOption === 'string') {
    if (!/^\d{1,4}$/.test(fdOption)) throw new UsageError('--passphrase-fd takes a file descriptor number');
    return fromFd(Number(fdOption));
  }
  const fromEnv = env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  const typed = await fromTerminal();
  if (typed !== null) return typed;
  throw new CliError(NO_PASSPHRASE, 'LOCKED');
}
