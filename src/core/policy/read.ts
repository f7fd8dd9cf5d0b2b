/**
 * Reads the managed settings (policies) IT places in the system's policy locations
 * (docs/deployment.md), at start, for the app and the command line alike:
 * - Windows: the registry's `HKLM\SOFTWARE\Policies\Recollection`, then
 *   `HKCU\SOFTWARE\Policies\Recollection` (read with `reg query`), then
 *   `%ProgramData%\Recollection\policy.json`;
 * - macOS: a configuration profile's `/Library/Managed Preferences/org.recollection.app.plist`
 *   (read with `plutil -convert json`), then `/Library/Application Support/Recollection/policy.json`;
 * - Linux and the rest: `/etc/recollection/policy.json`.
 *
 * Constraint: a policy is never read weaker than it was written. A source that exists but
 * cannot be read (unreadable, too large, not JSON, not an object) applies every restricting
 * key at its strictest (STRICTEST); a key with a bad value applies that key at its
 * strictest; an unknown key is reported. Where two sources set one restricting key, the
 * stricter value wins; for a key that only chooses (language, folder, update location) the
 * first source in the order above wins.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { NO_POLICY, POLICY_KEYS, STRICTEST, type PolicyKey, type PolicyView } from '../../shared/contract/policy';
import { childProcess } from '../base/builtins';

/** The bundle id of the macOS configuration profile's domain (electron-builder.yml `appId`). */
export const POLICY_DOMAIN = 'org.recollection.app';
/** A policy file larger than this is not a policy: it is refused (and read at its strictest). */
export const POLICY_MAX_BYTES = 64 * 1024;
const REGISTRY_KEYS = ['HKLM\\SOFTWARE\\Policies\\Recollection', 'HKCU\\SOFTWARE\\Policies\\Recollection'];

export interface PolicySystem {
  platform: NodeJS.Platform;
  /** A folder standing for the system's root (tests); default '/'. */
  root?: string;
  /** The environment (Windows: ProgramData); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** A second root whose policy file is read after the system's (it can only add restrictions). */
  alsoRoot?: string;
  /** Runs a system tool and returns what it printed, or null when it failed (no such key, no tool). */
  run?: (command: string, args: string[]) => string | null;
}

type Raw = { source: string; values: Record<string, unknown> } | { source: string; damaged: string };

/** The policy files of `sys`, in the order they are read. */
export function policyFiles(sys: PolicySystem): string[] {
  const root = sys.root ?? '/';
  if (sys.platform === 'win32') {
    const programData = (sys.env ?? process.env)['ProgramData'] ?? 'C:\\ProgramData';
    // Under a test root the Windows path is taken as relative to it.
    const base = sys.root ? path.join(root, programData.replace(/^[A-Za-z]:[\\/]/, '')) : programData;
    return [path.join(base, 'Recollection', 'policy.json')];
  }
  if (sys.platform === 'darwin')
    return [path.join(root, 'Library', 'Application Support', 'Recollection', 'policy.json')];
  return [path.join(root, 'etc', 'recollection', 'policy.json')];
}

export function readPolicy(sys: PolicySystem): PolicyView {
  const run = sys.run ?? runTool;
  const raws: Raw[] = [];
  if (sys.platform === 'win32') {
    for (const key of REGISTRY_KEYS) {
      const out = run('reg', ['query', key]);
      if (out !== null) raws.push({ source: key, values: parseRegQuery(out) });
    }
  }
  if (sys.platform === 'darwin') {
    const profile = path.join(sys.root ?? '/', 'Library', 'Managed Preferences', `${POLICY_DOMAIN}.plist`);
    const raw = readProfile(profile, run);
    if (raw) raws.push(raw);
  }
  const extra = sys.alsoRoot ? policyFiles({ ...sys, root: sys.alsoRoot }) : [];
  for (const file of [...policyFiles(sys), ...extra]) {
    const raw = readJsonFile(file);
    if (raw) raws.push(raw);
  }
  return raws.length === 0 ? NO_POLICY : combine(raws);
}

/**
 * The policy of this machine, for the app and the command line. RECOLLECTION_POLICY_ROOT names
 * a second root whose policy file is read as well (tests; IT trying a policy out): read after
 * the system's own, it can only add restrictions, never lift one.
 */
export function machinePolicy(env: NodeJS.ProcessEnv = process.env): PolicyView {
  const alsoRoot = env['RECOLLECTION_POLICY_ROOT'];
  return readPolicy({ platform: process.platform, env, ...(alsoRoot ? { alsoRoot } : {}) });
}

/** The values of `reg query KEY` output: REG_DWORD as numbers, REG_SZ as strings. */
export function parseRegQuery(out: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const line of out.split(/\r?\n/)) {
    const m = /^ {4}(\S+) {4}(REG_[A-Z_]+) {4}(.*)$/.exec(line);
    if (!m) continue;
    const [, name, type, data] = m;
    if (type === 'REG_DWORD' || type === 'REG_QWORD') values[name] = Number(data.trim());
    else if (type === 'REG_SZ' || type === 'REG_EXPAND_SZ') values[name] = data;
    else values[name] = { unsupported: type };
  }
  return values;
}

function runTool(command: string, args: string[]): string | null {
  try {
    return childProcess().execFileSync(command, args, {
      encoding: 'utf8',
      timeout: 5000,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}

/** A configuration profile's plist, as JSON through plutil; null when there is none. */
function readProfile(file: string, run: NonNullable<PolicySystem['run']>): Raw | null {
  const bytes = readBounded(file);
  if (bytes === null) return null;
  if ('error' in bytes) return { source: file, damaged: bytes.error };
  const out = run('plutil', ['-convert', 'json', '-o', '-', file]);
  if (out === null) return { source: file, damaged: 'plutil could not read it' };
  return parseJsonText(file, out);
}

function readJsonFile(file: string): Raw | null {
  const bytes = readBounded(file);
  if (bytes === null) return null;
  if ('error' in bytes) return { source: file, damaged: bytes.error };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.data).replace(/^\uFEFF/, '');
  } catch {
    return { source: file, damaged: 'it is not UTF-8 text' };
  }
  return parseJsonText(file, text);
}

function parseJsonText(source: string, text: string): Raw {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { source, damaged: 'it is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { source, damaged: 'it is not a JSON object of settings' };
  }
  return { source, values: value as Record<string, unknown> };
}

/** The file's bytes (at most POLICY_MAX_BYTES), null when it does not exist, or why it cannot be read. */
function readBounded(file: string): { data: Uint8Array } | { error: string } | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return { error: `it cannot be read (${code ?? 'error'})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: 'it is not a regular file' };
    if (st.size > POLICY_MAX_BYTES) return { error: `it is larger than ${POLICY_MAX_BYTES / 1024} KB` };
    const data = new Uint8Array(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, data, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { data: data.subarray(0, read) };
  } catch (err) {
    return { error: `it cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

/** Keys whose stricter value wins across sources, with the comparison that says which is stricter. */
const STRICTER: Partial<Record<PolicyKey, (a: never, b: never) => boolean>> = {
  requireProtection: (a: boolean, b: boolean) => b && !a,
  maxAutoLockMinutes: (a: number, b: number) => b < a,
  allowKeychain: (a: boolean, b: boolean) => !b && a,
  startInPresentation: (a: boolean, b: boolean) => b && !a,
  allowPlainSharedFolder: (a: boolean, b: boolean) => !b && a,
  sealedExportsOnly: (a: boolean, b: boolean) => b && !a,
};

function combine(raws: Raw[]): PolicyView {
  const keys = POLICY_KEYS();
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  const set = (key: PolicyKey, value: unknown): void => {
    if (!(key in policy)) policy[key] = value;
    else if (STRICTER[key]?.(policy[key] as never, value as never)) policy[key] = value;
  };
  for (const raw of raws) {
    if ('damaged' in raw) {
      problems.push(`The policy ${raw.source} could not be read (${raw.damaged}): its strictest reading is applied.`);
      for (const [key, value] of Object.entries(STRICTEST)) set(key as PolicyKey, value);
      continue;
    }
    for (const [name, given] of Object.entries(raw.values)) {
      if (!Object.hasOwn(keys, name)) {
        problems.push(`The policy ${raw.source} has an unknown setting "${name.slice(0, 80)}": it is not applied.`);
        continue;
      }
      const key = name as PolicyKey;
      const parsed = keys[key].safeParse(coerce(key, given));
      if (parsed.success) {
        set(key, parsed.data);
        continue;
      }
      const strictest = STRICTEST[key];
      problems.push(
        `The policy ${raw.source} has a value for "${key}" that is not valid` +
          (strictest === undefined
            ? ': it is not applied.'
            : `: its strictest value (${String(strictest)}) is applied.`),
      );
      if (strictest !== undefined) set(key, strictest);
    }
  }
  return { sources: raws.map((r) => r.source), policy, problems };
}

/** Registry DWORDs and strings for booleans: 1/0, "true"/"false". */
function coerce(key: PolicyKey, value: unknown): unknown {
  if (POLICY_KEYS()[key].type !== 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return value;
}
