/**
 * What every command gets and gives: the parsed options, a `call` into the
 * core through dispatch(), output helpers, and the two error kinds that map
 * to exit codes (UsageError → 2, CliError → 1).
 *
 * Constraint: option values are outside input; each reader checks type and
 * range and says which option is wrong.
 */
import type { Args, Channel, ResultOf } from '../shared/contract/channels';
import type { ExportFile } from '../shared/contract/types';
import type { ErrorCode } from '../shared/contract/result';
import type { AskHidden } from './seal-passphrase';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Resolves once stdout can take more (its buffer drained); absent when output is not buffered. */
  drain?(): Promise<void>;
  /** True when stderr is a terminal: an export's progress is drawn there only then. */
  errIsTTY?: boolean;
  /** Calls `handler` at the next Ctrl+C (SIGINT) instead of ending the process; the returned function stops that. */
  onInterrupt?(handler: () => void): () => void;
}

/** What the program that runs the command line provides: Node (bin/recollection.cjs) or the installed app (src/main/cli-mode.ts). */
export interface Host {
  /** Where the Electron build of better-sqlite3 is, when the app runs the command line. */
  nativeBinding?: string;
  /** Where the Electron build of better-sqlite3-multiple-ciphers (the notes database) is, likewise. */
  userNativeBinding?: string;
  /**
   * The installed app: its addons are the two files above and nothing else. Never looked for
   * elsewhere (a `node_modules` in the current folder would be native code run inside the app).
   */
  packaged?: boolean;
  /** The app's version (else package.json's). */
  version?: string;
  /** Prints an HTML brief to PDF (the app: Electron's printer; else a browser found on the machine). */
  printPdf?: (html: ExportFile) => Promise<ExportFile>;
  /** Asks for a sealed file's passphrase without echo (default: the terminal; tests answer it). */
  askHidden?: AskHidden;
}

/** The addon files of the content database (better-sqlite3) and of the notes database (multiple-ciphers). */
export interface Addons {
  content: string | undefined;
  user: string | undefined;
}

export type OptionValue = string | boolean | Array<string | boolean> | undefined;
export type Values = Readonly<Record<string, OptionValue>>;

/** Wrong command line: exit code 2. */
export class UsageError extends Error {}
/** The command could not be done (core error, missing file): exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    /** The core's error code, when the error came from a channel. */
    readonly code: ErrorCode | null = null,
  ) {
    super(message);
  }
}

/** For lookups where "not found" is an answer, not an error. */
export function nullIfNotFound(err: unknown): null {
  if (err instanceof CliError && err.code === 'NOT_FOUND') return null;
  throw err;
}

export interface Context {
  /** Positional arguments after the command name. */
  args: readonly string[];
  values: Values;
  json: boolean;
  dataDir: string;
  contentDbPath: string;
  /** The SQLite addons the databases are opened with (better-sqlite3's own lookup when undefined). */
  addons: Addons;
  /** Makes a path typed by the user absolute (relative to the folder the user ran the command in). */
  resolvePath(path: string): string;
  /** Runs a channel through dispatch(); a failed Result becomes a CliError. */
  call<K extends Channel>(channel: K, args: Args<K>): Promise<ResultOf<K>>;
  /** Lines for people (ignored with --json). */
  print(...lines: string[]): void;
  /**
   * Lines for people, as many as there are (ignored with --json): written a
   * chunk at a time through print, waiting whenever stdout's buffer is full,
   * so 100,000 notes are never one spread call or one joined string.
   */
  printLines(lines: Iterable<string>): Promise<void>;
  /** The one JSON document of --json. */
  printJson(value: unknown): void;
  /**
   * The one JSON document of --json when it is a long array: the same text as
   * printJson(array), written an element at a time (chunks, waiting for stdout
   * to drain), so 100,000 notes are never one string.
   */
  printJsonArray(items: Iterable<unknown>): Promise<void>;
  /** Prints an HTML brief to PDF: a browser found on the machine, or the app's own printer (cli-mode). */
  printPdf(html: ExportFile): Promise<ExportFile>;
  /** Asks for a passphrase without echo; null when there is no terminal. */
  askHidden: AskHidden;
  /**
   * Runs an export: its progress is drawn on stderr when that is a terminal, and
   * the first Ctrl+C cancels it (`export.cancel`: CANCELLED, nothing written; a
   * second one ends the process as usual).
   */
  whileExporting<T>(run: () => Promise<T>): Promise<T>;
}

export interface Command {
  name: string;
  /** `recollection <usage>` */
  usage: string;
  summary: string;
  /** Options the command accepts besides the global ones. */
  options: readonly string[];
  /** How many positionals: [min, max]. */
  positionals: readonly [number, number];
  /**
   * The command only reads your notes: the notes database is opened without the trash purge,
   * so it takes no write lock (the app may be writing) and writes nothing.
   */
  readOnly?: boolean;
  run(ctx: Context): Promise<void>;
}

// ---------------------------------------------------------------- option readers

export function optString(values: Values, name: string): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v : [v];
  if (list.length > 1) throw new UsageError(`--${name} may be given only once`);
  const only = list[0];
  if (typeof only !== 'string') throw new UsageError(`--${name} needs a value`);
  return only;
}

export function optStrings(values: Values, name: string): string[] {
  const v = values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((item) => {
    if (typeof item !== 'string') throw new UsageError(`--${name} needs a value`);
    return item;
  });
}

export function optFlag(values: Values, name: string): boolean {
  return values[name] === true;
}

export function parseInteger(name: string, raw: string, min: number, max: number): number {
  const n = /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return n;
}

export function optInteger(values: Values, name: string, min: number, max: number): number | undefined {
  const raw = optString(values, name);
  return raw === undefined ? undefined : parseInteger(name, raw, min, max);
}

export function member<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${raw}"`);
  }
  return raw as T;
}

export function optMember<T extends string>(values: Values, name: string, allowed: readonly T[]): T | undefined {
  const raw = optString(values, name);
  return raw === undefined ? undefined : member(name, raw, allowed);
}

export function optMembers<T extends string>(values: Values, name: string, allowed: readonly T[]): T[] {
  return optStrings(values, name).map((raw) => member(name, raw, allowed));
}
