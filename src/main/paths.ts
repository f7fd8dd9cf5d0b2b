/**
 * Where the app finds its parts: the content database, the renderer files, the
 * preload bundle, the window icon and, in development, the Electron builds of
 * better-sqlite3 (content) and better-sqlite3-multiple-ciphers (notes).
 *
 * Constraint: no Electron import, so scripts/ensure-native.ts (which builds the
 * addon to the very path computed here) and the tests share one definition.
 */
import { join } from 'node:path';

/** Folder (at the repository root) holding Electron-ABI builds of native addons. */
export const NATIVE_DIR = '.native';

/**
 * The native packages built for Electron in development: the content database's plain
 * SQLite, and the notes database's SQLite3 Multiple Ciphers (which alone can encrypt).
 */
export const NATIVE_PACKAGES = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'] as const;
export type NativePackage = (typeof NATIVE_PACKAGES)[number];

/**
 * Folder under `process.resourcesPath` of the installed app holding its two Electron builds
 * (copied there by `npm run dist`: scripts/ensure-native.ts --stage, electron-builder.yml
 * extraResources). The app loads these files by path and no other copy.
 */
export const PACKAGED_NATIVE_DIR = 'native';
/** Where `npm run dist` stages the addons for electron-builder to copy (relative to the repository). */
export const STAGED_NATIVE_DIR = join('build', 'native');

/** `pkg`'s addon inside a folder of Electron builds: both name it better_sqlite3.node, so each has its place. */
export function addonIn(folder: string, pkg: NativePackage): string {
  // better-sqlite3's path is the one it always had, so an existing build is kept.
  return pkg === 'better-sqlite3' ? join(folder, 'better_sqlite3.node') : join(folder, pkg, 'better_sqlite3.node');
}

/** The Electron build of `pkg` used by `npm start` / `npm run dev` (never by Node). */
export function nativeBindingPath(
  repoRoot: string,
  electronVersion: string,
  platform: string = process.platform,
  arch: string = process.arch,
  pkg: NativePackage = 'better-sqlite3',
): string {
  return addonIn(join(repoRoot, NATIVE_DIR, `electron-${electronVersion}-${platform}-${arch}`), pkg);
}

/**
 * The data folder of the development app (`npm start`, `npm run dev`): the installed app's with
 * " (development)" after it. Electron's single-instance lock lives in the data folder, so the two
 * apps neither quit in favour of each other nor open one notes database from two processes (a
 * development build may migrate it to a schema the installed app does not know).
 */
export function developmentDataDir(userData: string): string {
  return `${userData} (development)`;
}

export interface LocationInput {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `app.getAppPath()`: the repository root in development, `resources/app.asar` when packaged. */
  appPath: string;
  /** `process.resourcesPath`. */
  resourcesPath: string;
  /** `process.versions.electron`. */
  electronVersion: string;
  platform?: string;
  arch?: string;
}

export interface AppLocations {
  contentDbPath: string;
  /** The built renderer (out/renderer), served under app://bundle/. */
  rendererRoot: string;
  preloadPath: string;
  /** The app icon for the window (resources/build/icon.png, shipped as resources/icon.png). */
  iconPath: string;
  /**
   * The Electron build of better-sqlite3: in development the one ensure-native built under
   * .native/, packaged the one under resources/native/. Always a path, so no package ever
   * looks for its addon itself (through `bindings`, relative to the working folder).
   */
  nativeBinding: string;
  /** Likewise for better-sqlite3-multiple-ciphers, the notes database's addon. */
  userNativeBinding: string;
}

export function appLocations(input: LocationInput): AppLocations {
  const out = join(input.appPath, 'out');
  return {
    contentDbPath: input.isPackaged
      ? join(input.resourcesPath, 'content', 'recollection.db')
      : join(input.appPath, 'build', 'content', 'recollection.db'),
    rendererRoot: join(out, 'renderer'),
    preloadPath: join(out, 'preload', 'index.cjs'),
    iconPath: input.isPackaged
      ? join(input.resourcesPath, 'icon.png')
      : join(input.appPath, 'resources', 'build', 'icon.png'),
    nativeBinding: input.isPackaged
      ? addonIn(join(input.resourcesPath, PACKAGED_NATIVE_DIR), 'better-sqlite3')
      : nativeBindingPath(input.appPath, input.electronVersion, input.platform, input.arch),
    userNativeBinding: input.isPackaged
      ? addonIn(join(input.resourcesPath, PACKAGED_NATIVE_DIR), 'better-sqlite3-multiple-ciphers')
      : nativeBindingPath(
          input.appPath,
          input.electronVersion,
          input.platform,
          input.arch,
          'better-sqlite3-multiple-ciphers',
        ),
  };
}
