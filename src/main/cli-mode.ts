/**
 * The command line inside the installed app: `Recollection cli <command> …`
 * (for example `recollection cli search remittances` after installing the
 * .deb) runs the same program as `recollection` from a repository, with no
 * window, on the app's own notes and document.
 *
 * Why here: the packaged app's fuses forbid running its binary as plain Node
 * (ELECTRON_RUN_AS_NODE), and a user of the installed app has no Node, so the
 * main process itself hands the arguments to the command line and exits with
 * its code. Constraints: no single-instance lock is taken (a command must
 * work while the app is open, as the Node command line does); the session
 * keeps the app's guards (nothing leaves the machine, even while printing a
 * PDF); `--data-dir` and `--content` default to the app's own places and can
 * still be given; the installed app loads only its own SQLite addons
 * (resources/native/), never one found from the current folder; the app's
 * Chromium profile is not shared with a running window (a session folder of
 * its own); the app stays up until the command is done, its last window
 * closed or not, and exits only once stdout and stderr are written out.
 */
import { join } from 'node:path';
import { app, session } from 'electron';
import { main } from '../cli/index';
import { printBriefToPdf } from './dialogs';
import { appLocations, type AppLocations } from './paths';
import { hardenSession } from './security';

/** The word after the executable (packaged) or after the app's path (development) that asks for the command line. */
export const CLI_WORD = 'cli';

/** The command-line arguments when the app was started as `… cli <command> …`, else null. */
export function cliModeArgs(argv: readonly string[], isPackaged: boolean): string[] | null {
  const rest = argv.slice(isPackaged ? 1 : 2);
  return rest[0] === CLI_WORD ? rest.slice(1) : null;
}

/** The app's own places, appended unless the user gave them. */
function withAppDefaults(args: readonly string[], where: AppLocations): string[] {
  const given = (option: string): boolean => args.some((a) => a === option || a.startsWith(`${option}=`));
  return [
    ...args,
    ...(given('--data-dir') ? [] : ['--data-dir', app.getPath('userData')]),
    ...(given('--content') ? [] : ['--content', where.contentDbPath]),
  ];
}

/** The command line's own Chromium session folder, inside the app's data folder. */
export const CLI_SESSION_DIR = 'cli-session';

/**
 * Resolves once everything written to `stream` so far has been handed to the OS: the callback of
 * an empty write runs after the writes queued before it (Node's stream.Writable). A pipe on macOS
 * and Windows is asynchronous, and app.exit() does not wait for it.
 */
const flushed = (stream: NodeJS.WriteStream): Promise<void> =>
  new Promise((resolve) => void stream.write('', () => resolve()));

/** Runs one command and exits the app with its exit code. */
export function runCliMode(args: readonly string[]): void {
  app.dock?.hide(); // macOS: a command shows no Dock icon
  // Before 'ready': the Chromium profile (cache, local storage, network state) of this process is its
  // own, so a command never writes into the profile a running window has open.
  app.setPath('sessionData', join(app.getPath('userData'), CLI_SESSION_DIR));
  // With no listener Electron quits when its last window closes; the PDF printer's hidden window
  // closes before its file is written, so the app stays up until the command says it is done.
  app.on('window-all-closed', () => undefined);
  void app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, {});
      const where = appLocations({
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
        resourcesPath: process.resourcesPath,
        electronVersion: process.versions.electron,
      });
      return main(
        withAppDefaults(args, where),
        { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) },
        {
          nativeBinding: where.nativeBinding,
          userNativeBinding: where.userNativeBinding,
          packaged: app.isPackaged,
          version: app.getVersion(),
          printPdf: printBriefToPdf,
        },
      );
    })
    .catch((err: unknown) => {
      process.stderr.write(`recollection: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    })
    .then(async (code) => {
      await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
      app.exit(code);
    });
}
