/**
 * The command line (`npm run cli -- <command>`): headless access to the same
 * core as the app, like calibre's calibredb — search, read, annotate, export,
 * import, back up and check, over the user's own data folder.
 *
 * Constraints: every channel call goes through dispatch() (the app's
 * validation); exit code 0 on success, 1 on error with ONE line
 * `recollection: <message>` on stderr, 2 on a usage error; --json prints one
 * JSON document on stdout (shapes in docs/cli.md). Argument parsing is node's
 * util.parseArgs (no dependency).
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Core } from '../core/core';
import type { EventPayloads } from '../shared/contract/channels';
import type { ExportFile } from '../shared/contract/types';
import { storageFault } from '../core/base/faults';
import { machinePolicy } from '../core/policy/read';
import { check } from './check';
import { CliError, UsageError, type Command, type Context, type Host, type Io, type Values } from './context';
import { backup, exportCommand, importCommand, restore } from './data';
import { terminalJson, terminalText } from './format';
import { layers } from './layers';
import { annotate, bookmark, notes } from './notes';
import { addonsFor, appVersion, defaultContentPath, defaultDataDir } from './paths';
import { outline, search, show } from './read';
import { askOnTerminal } from './seal-passphrase';
import { drainOut, writeErr, writeOut } from './stdout';
import { errorMessage } from '../shared/errors';
import { answersWhileLocked } from '../shared/contract/locked';
import { PASSPHRASE_ENV, readPassphrase } from './passphrase';

/**
 * For bin/recollection.cjs, which exits as soon as a command is done and nothing is queued.
 * @public
 */
export { outputSettled } from './stdout';

export const COMMANDS: readonly Command[] = [
  search,
  show,
  outline,
  bookmark,
  annotate,
  notes,
  layers,
  exportCommand,
  importCommand,
  backup,
  restore,
  check,
];

const GLOBAL = ['help', 'json', 'data-dir', 'content', 'passphrase-fd'];

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  content: { type: 'string' },
  'passphrase-fd': { type: 'string' },
  cluster: { type: 'string', multiple: true },
  kind: { type: 'string', multiple: true },
  limit: { type: 'string' },
  offset: { type: 'string' },
  'no-expand': { type: 'boolean' },
  label: { type: 'string' },
  quote: { type: 'string' },
  note: { type: 'string' },
  tag: { type: 'string', multiple: true },
  color: { type: 'string', multiple: true },
  position: { type: 'string', multiple: true },
  priority: { type: 'string', multiple: true },
  text: { type: 'string' },
  sort: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'no-notes': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  seal: { type: 'boolean' },
  'seal-passphrase-fd': { type: 'string' },
  title: { type: 'string' },
  delegation: { type: 'string' },
  meeting: { type: 'string' },
  date: { type: 'string' },
  classification: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export function helpText(command?: Command): string {
  if (command) {
    return `usage: recollection ${command.usage}\n\n${command.summary}\n\nGlobal options: --data-dir <dir>, --content <db>, --passphrase-fd N, --json, --help\n`;
  }
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: recollection <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    `  --data-dir <dir>  your notes folder (default: ${defaultDataDir()})`,
    `  --content <db>    the document database (default: ${defaultContentPath()})`,
    '  --passphrase-fd N read the passphrase of protected notes from file descriptor N',
    `                    (or set ${PASSPHRASE_ENV}; on a terminal it is asked for)`,
    '  --json            machine-readable output (see docs/cli.md)',
    "  --help, -h        this help, or a command's: recollection <command> --help",
    '',
    'Exit codes: 0 done, 1 error, 2 wrong command line.',
    '',
  ].join('\n');
}

const processIo: Io = {
  out: writeOut,
  err: writeErr,
  drain: drainOut,
  // A getter: reading process.stderr builds the stream (and loads Node's stream modules) at start.
  get errIsTTY() {
    return process.stderr.isTTY === true;
  },
  onInterrupt: (handler) => {
    process.once('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
};

/** Exit code of a command stopped by Ctrl+C (128 + SIGINT), as shells report it. */
const INTERRUPTED = 130;

/** Lines per write when streaming: large enough to be quick, small enough to stay off the stack. */
const CHUNK_LINES = 512;

/** Hands `pieces` to `write` CHUNK_LINES at a time, waiting for stdout to drain between chunks. */
async function inChunks(pieces: Iterable<string>, write: (chunk: string[]) => void, io: Io): Promise<void> {
  let chunk: string[] = [];
  for (const piece of pieces) {
    chunk.push(piece);
    if (chunk.length < CHUNK_LINES) continue;
    write(chunk);
    chunk = [];
    await io.drain?.();
  }
  if (chunk.length) write(chunk);
}

/**
 * A path the user typed, made absolute from the folder they typed it in:
 * `npm run cli` runs in the repository root, and npm keeps the user's folder in INIT_CWD.
 */
export const userPath = (path: string): string => resolve(process.env['INIT_CWD'] ?? process.cwd(), path);

/** Unexpected core failures answer a generic message; RECOLLECTION_DEBUG=1 also prints the stack. */
const debugLog = (message: string, err: unknown): void => {
  if (!process.env['RECOLLECTION_DEBUG']) return;
  writeErr(`${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
};

const loadCore = async () => {
  const [{ dispatch }, { openCore }] = await Promise.all([import('../core/dispatch'), import('../core/open')]);
  return { dispatch, openCore };
};

async function printPdfWithBrowser(html: ExportFile, dataDir: string): Promise<ExportFile> {
  const { printHtmlToPdf } = await import('./pdf');
  const text = typeof html.data === 'string' ? html.data : new TextDecoder().decode(html.data);
  const data = await printHtmlToPdf(text, undefined, { dataDir });
  return { filename: html.filename.replace(/\.html$/, '.pdf'), mime: 'application/pdf', data };
}

/** Opens the core; a locked, full or read-only notes database is said in plain words. */
function openOrSay(open: () => Core): Core {
  try {
    return open();
  } catch (err) {
    const known = storageFault(err);
    throw known ? new CliError(known.message, known.code) : err;
  }
}

/** An object document gains `recovery` when the notes database was recovered at open (arrays: stderr only). */
function withRecovery(value: unknown, core: Core | null): unknown {
  const recovery = core?.user.recovery;
  if (!recovery || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return { ...value, recovery };
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

export async function main(argv: readonly string[], io: Io = processIo, host: Host = {}): Promise<number> {
  let core: Core | null = null;
  let onProgress: ((progress: EventPayloads['export.progress']) => void) | null = null;
  try {
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError(errorMessage(err));
    }
    const { values, positionals } = parsed;
    const [name, ...args] = positionals;
    const command = COMMANDS.find((c) => c.name === name);
    if (values['help'] === true || name === 'help' || name === undefined) {
      const topic = name === 'help' ? COMMANDS.find((c) => c.name === args[0]) : command;
      // No command at all is a usage error: the help goes to stderr then.
      if (name === undefined && values['help'] !== true) {
        io.err(helpText());
        return 2;
      }
      io.out(helpText(topic));
      return 0;
    }
    if (!command) throw new UsageError(`unknown command "${name}"`);
    for (const option of Object.keys(values)) {
      if (!GLOBAL.includes(option) && !command.options.includes(option)) {
        throw new UsageError(`${command.name} does not take --${option}`);
      }
    }
    const [min, max] = command.positionals;
    if (args.length < min || args.length > max) {
      throw new UsageError(`usage: recollection ${command.usage}`);
    }
    const dataDir = userPath(typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir());
    const contentDbPath = userPath(typeof values['content'] === 'string' ? values['content'] : defaultContentPath());
    const json = values['json'] === true;
    const addons = addonsFor(host);
    const ctx: Context = {
      args,
      values,
      json,
      dataDir,
      contentDbPath,
      addons,
      resolvePath: userPath,
      async call(channel, callArgs) {
        if (!core) {
          // The core is loaded on the first call, so --help and usage errors answer at once.
          const { openCore } = await loadCore();
          core = openOrSay(() =>
            openCore({
              contentDbPath,
              dataDir,
              version: host.version ?? appVersion(),
              // The installed app names its Electron builds; from Node, the repository's own.
              nativeBinding: addons.content,
              userNativeBinding: addons.user,
              searchOnFirstUse: true,
              emit: (event, payload) => {
                if (event === 'export.progress') onProgress?.(payload as EventPayloads['export.progress']);
              },
              readOnly: command.readOnly === true,
              // The organisation's managed settings bind the command line as they bind the app.
              policy: machinePolicy(),
            }),
          );
          for (const problem of core.policy.problems) io.err(`recollection: ${oneLine(problem)}\n`);
          // Recovery moved the notes database aside: say so, whatever the output mode.
          if (core.user.recovery) io.err(`recollection: ${oneLine(core.user.recovery)}\n`);
        }
        const opened = core;
        const { dispatch } = await loadCore();
        // Locked notes: the passphrase is asked for when a command first needs them (search includes notes).
        if (opened.user.locked && (!answersWhileLocked(channel) || channel === 'search.query')) {
          const passphrase = await readPassphrase(values['passphrase-fd']);
          const unlocked = await dispatch(opened.handlers, 'vault.unlock', { passphrase });
          if (!unlocked.ok) throw new CliError(unlocked.error.message, unlocked.error.code);
          // A plain copy of the notes found under protection was encrypted at this unlock: say so.
          if (unlocked.value.notice) io.err(`recollection: ${oneLine(unlocked.value.notice)}\n`);
        }
        const result = await dispatch(opened.handlers, channel, callArgs, debugLog);
        if (!result.ok) throw new CliError(result.error.message, result.error.code);
        return result.value;
      },
      print: (...lines) => {
        if (!json) io.out(terminalText(`${lines.join('\n')}\n`));
      },
      printJson: (value) => io.out(`${terminalJson(withRecovery(value, core))}\n`),
      printPdf: host.printPdf ?? ((html) => printPdfWithBrowser(html, dataDir)),
      askHidden: host.askHidden ?? askOnTerminal,
      async whileExporting(run) {
        let drawn = 0;
        if (io.errIsTTY) {
          onProgress = ({ done, total }) => {
            const line = `Exporting: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} entries (${total ? Math.floor((done * 100) / total) : 100}%)`;
            io.err(`\r${line.padEnd(drawn)}`);
            drawn = line.length;
          };
        }
        const stop = io.onInterrupt?.(() => void ctx.call('export.cancel', {}).catch(() => undefined));
        try {
          return await run();
        } finally {
          stop?.();
          onProgress = null;
          if (drawn) io.err(`\r${' '.repeat(drawn)}\r`);
        }
      },
      async printLines(lines) {
        if (!json) await inChunks(lines, (chunk) => ctx.print(...chunk), io);
      },
      async printJsonArray(items) {
        // The same text as printJson(array), written an element at a time: each element indented
        // as JSON.stringify(list, null, 2) indents it, `,` between them, `]` at the end.
        let count = 0;
        const elements = (function* () {
          for (const item of items)
            yield `${count++ === 0 ? '\n' : ',\n'}  ${terminalJson(item).replace(/\n/g, '\n  ')}`;
        })();
        io.out('[');
        await inChunks(elements, (chunk) => io.out(chunk.join('')), io);
        io.out(count > 0 ? '\n]\n' : ']\n');
      },
    };
    await command.run(ctx);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`recollection: ${terminalText(oneLine(err.message))} (see recollection --help)\n`);
      return 2;
    }
    io.err(`recollection: ${terminalText(oneLine(errorMessage(err)))}\n`);
    return err instanceof CliError && err.code === 'CANCELLED' ? INTERRUPTED : 1;
  } finally {
    // Closing flushes the notes database; a failure here must not hide the command's own result.
    try {
      (core as Core | null)?.close();
    } catch {
      /* already reported by the command, or nothing to flush */
    }
  }
}

/** True when this file is the program being run (not imported by a test). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// No top-level await: the built program is one CommonJS bundle (scripts/build-cli.ts).
if (isEntryPoint()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
