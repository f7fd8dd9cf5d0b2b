/**
 * Where the command line gets the passphrase of a sealed (.recollection) file:
 * a file descriptor (`--seal-passphrase-fd N`), else the environment variable
 * RECOLLECTION_SEAL_PASSPHRASE, else a prompt on the terminal (typed without
 * echo; asked twice when sealing). Never from a command-line argument: those
 * are visible to every user of the machine (`ps`) and kept in shell history.
 *
 * Constraint: the passphrase is returned to the caller and nowhere else: not
 * printed, not in an error message, not logged.
 */
import { readFileSync } from 'node:fs';
import { LIMITS } from '../shared/limits';
import { CliError, optInteger, UsageError, type Values } from './context';

export const SEAL_PASSPHRASE_ENV = 'RECOLLECTION_SEAL_PASSPHRASE';
export const SEAL_PASSPHRASE_FD = 'seal-passphrase-fd';

/** Asks on the terminal without echo; null when there is no terminal to ask on. */
export type AskHidden = (prompt: string) => Promise<string | null>;

/** Reads the passphrase of a sealed file: to seal one (`confirm`: asked twice on a terminal) or to open one. */
export async function sealPassphrase(
  values: Values,
  purpose: 'seal' | 'open',
  ask: AskHidden = askOnTerminal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const fd = optInteger(values, SEAL_PASSPHRASE_FD, 0, 65_535);
  let passphrase: string | undefined;
  if (fd !== undefined) {
    try {
      // One line: a trailing newline (echo, a here-string) is not part of the passphrase.
      passphrase = readFileSync(fd, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new UsageError(`--${SEAL_PASSPHRASE_FD} ${fd}: cannot read the passphrase from that file descriptor`);
    }
  } else if (env[SEAL_PASSPHRASE_ENV] !== undefined) {
    passphrase = env[SEAL_PASSPHRASE_ENV];
  } else {
    const first = await ask(purpose === 'seal' ? 'Passphrase to seal the file: ' : 'Passphrase of the sealed file: ');
    if (first === null) {
      throw new CliError(
        `a sealed file needs a passphrase: run in a terminal, set ${SEAL_PASSPHRASE_ENV}, or pass --${SEAL_PASSPHRASE_FD} <n>`,
      );
    }
    if (purpose === 'seal' && (await ask('The same passphrase again: ')) !== first)
      throw new CliError('the two passphrases differ; nothing was written');
    passphrase = first;
  }
  if (passphrase === undefined || passphrase === '') throw new CliError('the passphrase is empty');
  if (passphrase.length > LIMITS.passphraseLength)
    throw new CliError(`the passphrase is longer than ${LIMITS.passphraseLength} characters`);
  if (purpose === 'seal' && passphrase.length < LIMITS.sealPassphraseMin)
    throw new CliError(`a passphrase to seal a file needs at least ${LIMITS.sealPassphraseMin} characters`);
  return passphrase;
}

/** A line typed on the terminal, not echoed (raw mode); null without a terminal on stdin and stderr. */
export function askOnTerminal(prompt: string): Promise<string | null> {
  const input = process.stdin;
  if (!input.isTTY || !process.stderr.isTTY) return Promise.resolve(null);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (value: string | null, err?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(typed);
        if (ch === '\u0003') return done(null, new CliError('cancelled; nothing was done')); // Ctrl-C
        if (ch === '\u0004') return done(typed === '' ? null : typed); // Ctrl-D
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
