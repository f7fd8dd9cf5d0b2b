/**
 * Default locations for the command line: the user data folder computed the
 * way Electron computes `app.getPath('userData')` for this app, and the
 * development content database.
 *
 * Constraint: the CLI and the app must find the same notes without being told;
 * `--data-dir` and `--content` override.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_DB_PATH, REPO_ROOT } from '../core/content/location';
import { CliError, type Addons, type Host } from './context';

/** productName in package.json and electron-builder.yml: the folder Electron names after it. */
export const APP_NAME = 'Recollection';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), APP_NAME);
}

/** The development content database, where `npm run build:content` writes it. */
export function defaultContentPath(): string {
  return CONTENT_DB_PATH;
}

export function appVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    if (pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // A missing package.json only loses the version string.
  }
  return '0.0.0';
}

/**
 * The Node build of a better-sqlite3 package's addon, or undefined (then better-sqlite3 looks
 * for it itself, through the `bindings` package). Given its path, the package loads it directly
 * instead of probing a dozen places at every start; the built command line, which carries the
 * packages' JavaScript in its bundle, relies on it.
 */
export function nodeAddon(pkg: 'better-sqlite3' | 'better-sqlite3-multiple-ciphers'): string | undefined {
  const addon = `${pkg}/build/Release/better_sqlite3.node`;
  const local = join(REPO_ROOT, 'node_modules', addon);
  if (existsSync(local)) return local;
  try {
    // Installed elsewhere (a hoisted node_modules): Node's own resolution finds it.
    return createRequire(import.meta.url).resolve(addon);
  } catch {
    return undefined;
  }
}

/**
 * The addons a command opens its databases with. The installed app names its own two files
 * (resources/native/, src/main/paths.ts) and uses nothing else: when one is missing it refuses and
 * says so, rather than look in node_modules, where the repository root may be the current folder
 * and a planted better_sqlite3.node would be native code run inside the signed app.
 */
export function addonsFor(host: Host): Addons {
  if (host.packaged) {
    for (const file of [host.nativeBinding, host.userNativeBinding]) {
      if (file === undefined || !existsSync(file)) {
        throw new CliError(
          `the app's SQLite addon is missing (${file ?? 'no path given'}); reinstall Recollection. ` +
            'No other copy is loaded.',
        );
      }
    }
    return { content: host.nativeBinding, user: host.userNativeBinding };
  }
  return {
    content: host.nativeBinding ?? nodeAddon('better-sqlite3'),
    user: host.userNativeBinding ?? nodeAddon('better-sqlite3-multiple-ciphers'),
  };
}
