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
 * still be given.
 */
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

/** Runs one command and exits the app with its exit code. */
export function runCliMode(args: readonly string[]): void {
  app.dock?.hide(); // macOS: a command shows no Dock icon
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
          version: app.getVersion(),
          printPdf: printBriefToPdf,
        },
      );
    })
    .catch((err: unknown) => {
      process.stderr.write(`recollection: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    })
    .then((code) => app.exit(code));
}
