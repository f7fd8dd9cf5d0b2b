/**
 * Builds the two SQLite addons for Electron's ABI before `npm start` / `npm run dev`,
 * into .native/electron-<version>-<platform>-<arch>/ (paths.ts nativeBindingPath),
 * which main loads in development: better-sqlite3 for the content database
 * (`nativeBinding`) and better-sqlite3-multiple-ciphers for the notes database
 * (`userNativeBinding`: only it can encrypt). The Node builds in node_modules/<pkg>/build
 * (used by the tests and the CLI) are never touched, so `npm start` and `npm test`
 * work in any order without rebuilds.
 *
 * Constraints: each addon is skipped when its file exists; a build runs on a copy
 * of the package in a temporary folder; when it cannot build (no Electron binary, no
 * network to fetch Electron's headers, no compiler) it says why and exits 1 —
 * it runs only when starting the app, never as part of the tests.
 * See docs/native-modules.md.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addonIn, NATIVE_PACKAGES, nativeBindingPath, STAGED_NATIVE_DIR, type NativePackage } from '../src/main/paths';
import { errorMessage } from '../src/shared/errors';

export const HEADERS_URL = 'https://electronjs.org/headers';

export class NativeBuildError extends Error {}

/** node-gyp arguments for an Electron build. */
export function gypArgs(electronVersion: string, arch: string): string[] {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--dist-url=${HEADERS_URL}`,
    `--arch=${arch}`,
  ];
}

/** The Electron executable `require('electron')` names, or null when it was never downloaded. */
export function electronBinary(root: string): string | null {
  try {
    const path: unknown = createRequire(join(root, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null; // electron/index.js throws when path.txt is missing (failed download)
  }
}

export function electronVersion(root: string): string {
  const pkg: unknown = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  if (pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  throw new NativeBuildError('node_modules/electron/package.json has no version');
}

/** node-gyp's entry: the project's copy (a dependency of @electron/rebuild), else the one bundled with npm. */
export function findNodeGyp(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    return createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    // fall through to npm's own
  }
  const npmCli = env['npm_execpath'];
  const candidates = [
    npmCli ? join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : null,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ];
  return candidates.find((c): c is string => c !== null && existsSync(c)) ?? null;
}

export interface EnsureOptions {
  root: string;
  electronVersion: string;
  /** Path of the Electron executable, or null when absent. */
  electronBinary: string | null;
  nodeGyp: string | null;
  platform?: string;
  arch?: string;
  log?: (line: string) => void;
}

/** The addon file node-gyp writes; the same name in both packages. */
export const ADDON_FILE = join('build', 'Release', 'better_sqlite3.node');

export interface NativeResult {
  package: NativePackage;
  path: string;
  built: boolean;
}

/**
 * Returns each addon's path (NATIVE_PACKAGES, in order), building the absent ones;
 * throws NativeBuildError saying why it cannot.
 */
export function ensureNative(options: EnsureOptions): NativeResult[] {
  if (options.electronBinary === null) {
    throw new NativeBuildError(
      `the Electron ${options.electronVersion} binary is not installed (node_modules/electron/dist is missing: ` +
        'its download during npm install failed or was skipped, e.g. offline). The app cannot start on this machine; ' +
        'the tests and the command line do not need it. With network access: node node_modules/electron/install.js',
    );
  }
  return NATIVE_PACKAGES.map((pkg) => ensureOne(options, pkg));
}

function ensureOne(options: EnsureOptions, pkg: NativePackage): NativeResult {
  const arch = options.arch ?? process.arch;
  const target = nativeBindingPath(options.root, options.electronVersion, options.platform, arch, pkg);
  const log = options.log ?? ((line: string) => console.log(line));
  if (existsSync(target)) return { package: pkg, path: target, built: false };
  if (options.nodeGyp === null)
    throw new NativeBuildError('node-gyp was not found (neither in node_modules nor bundled with npm)');

  log(`recollection: building ${pkg} for Electron ${options.electronVersion} (${arch}), once…`);
  const work = mkdtempSync(join(tmpdir(), 'recollection-native-'));
  try {
    const source = join(options.root, 'node_modules', pkg);
    const copy = join(work, pkg);
    // The copy leaves out the Node build, so nothing of it can leak into the Electron one.
    cpSync(source, copy, {
      recursive: true,
      filter: (p) => !p.startsWith(join(source, 'build') + sep) && p !== join(source, 'build'),
    });
    const run = spawnSync(process.execPath, [options.nodeGyp, ...gypArgs(options.electronVersion, arch)], {
      cwd: copy,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const built = join(copy, ADDON_FILE);
    if (run.status !== 0 || !existsSync(built)) {
      throw new NativeBuildError(
        `node-gyp could not build ${pkg} for Electron ${options.electronVersion} (exit ${String(run.status ?? run.error?.message)}). ` +
          `It needs Electron's headers (downloaded once from ${HEADERS_URL}: this fails offline), python3 and a C++ compiler.`,
      );
    }
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, `${target}.tmp`);
    renameSync(`${target}.tmp`, target);
    log(`recollection: built ${target}`);
    return { package: pkg, path: target, built: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `npm run dist`: copies the Electron builds to build/native/, which electron-builder ships as
 * resources/native/ (electron-builder.yml extraResources), where the installed app loads them
 * (paths.ts). electron-builder itself rebuilds nothing (npmRebuild: false): its rebuild works in
 * the project's own node_modules and would replace the Node builds the tests and the CLI use.
 */
export function stageNative(root: string, built: readonly NativeResult[]): string[] {
  const folder = join(root, STAGED_NATIVE_DIR);
  rmSync(folder, { recursive: true, force: true });
  return built.map(({ package: pkg, path }) => {
    const target = addonIn(folder, pkg);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
    return target;
  });
}

/** The AppArmor switch of Ubuntu 23.10 and later that forbids unprivileged user namespaces. */
export const USERNS_SWITCH = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';

export interface SandboxFacts {
  platform: string;
  /** The switch's content ("1" restricts), or null where it does not exist. */
  restrictUserns: string | null;
  /** Owner and mode of Electron's chrome-sandbox helper, or null when it is missing. */
  helper: { uid: number; mode: number } | null;
  helperPath: string;
}

/**
 * Why Electron will stop at start ("The SUID sandbox helper binary was found, but is not configured
 * correctly"), and what to do, or null. Chromium's sandbox needs unprivileged user namespaces or a
 * setuid-root chrome-sandbox; with AppArmor's restriction on and the helper as npm installed it,
 * there is neither. The fix needs root, so it is said, not done; the sandbox is never turned off.
 */
export function sandboxAdvice(facts: SandboxFacts): string | null {
  if (facts.platform !== 'linux' || facts.restrictUserns?.trim() !== '1') return null;
  const setuidRoot = facts.helper !== null && facts.helper.uid === 0 && (facts.helper.mode & 0o4000) !== 0;
  if (setuidRoot) return null;
  return [
    'recollection: this system restricts unprivileged user namespaces (AppArmor, Ubuntu 23.10 and later),',
    "so Electron's sandbox cannot start and the app would stop at once. Either (once, as root):",
    `  sudo chown root:root ${facts.helperPath} && sudo chmod 4755 ${facts.helperPath}`,
    '  or an AppArmor profile allowing "userns" for the Electron binary (docs/native-modules.md).',
    'The sandbox stays on: Recollection does not offer --no-sandbox.',
  ].join('\n');
}

function sandboxFacts(binary: string): SandboxFacts {
  const helperPath = join(dirname(binary), 'chrome-sandbox');
  let restrictUserns: string | null = null;
  try {
    restrictUserns = readFileSync(USERNS_SWITCH, 'utf8');
  } catch {
    // No such switch: not restricted.
  }
  let helper: SandboxFacts['helper'] = null;
  try {
    const st = statSync(helperPath);
    helper = { uid: st.uid, mode: st.mode };
  } catch {
    // No helper: Electron then relies on user namespaces alone.
  }
  return { platform: process.platform, restrictUserns, helper, helperPath };
}

function isEntryPoint(): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    const binary = electronBinary(root);
    const built = ensureNative({
      root,
      electronVersion: electronVersion(root),
      electronBinary: binary,
      nodeGyp: findNodeGyp(root),
    });
    if (process.argv.includes('--stage')) {
      for (const file of stageNative(root, built)) console.log(`recollection: staged ${file}`);
    } else if (binary !== null) {
      const advice = sandboxAdvice(sandboxFacts(binary));
      if (advice !== null) console.error(advice);
    }
  } catch (err) {
    const message = errorMessage(err);
    console.error(`recollection: cannot start the app: ${message}\nSee docs/native-modules.md.`);
    process.exitCode = 1;
  }
}
