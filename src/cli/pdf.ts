/**
 * `export --format pdf` on the command line: the printable HTML brief (the
 * same file the app prints) printed to PDF by a Chromium-based browser found
 * on this machine, run headless.
 *
 * Constraints: offline and private — the brief, the PDF and the browser's
 * throwaway profile are written to a new owner-only folder inside the data
 * folder (`temp-files/pdf.<pid>.<uuid>.tmp`, 0700; files 0600: the brief is
 * created new, the PDF's file is made before the browser writes into it, and
 * the browser runs under umask 077), removed afterwards whatever happens, and,
 * when the process is killed, at the next open of the notes
 * (vault/leftovers.ts); the browser gets an environment without our
 * passphrases (RECOLLECTION_*) or any other variable named as a secret; no
 * network services (the brief itself carries a policy that forbids scripts);
 * a machine with no such browser gets one sentence saying what to install or
 * set, never a stack trace. The app itself prints with Electron
 * (src/main/dialogs.ts), so only the command line needs this.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, statSync, writeSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNew, openNew, uniqueTag } from '../core/base/fresh-files';
import { TEMP_LOG_DIR } from '../core/base/files';
import { DIR_MODE, privateDir } from '../core/base/owner-only';
import { CliError } from './context';

/** The environment variable that names the browser, before the usual places are tried. */
export const BROWSER_ENV = 'RECOLLECTION_CHROMIUM';

function candidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const named = [env[BROWSER_ENV], env['CHROMIUM_PATH']].filter((p): p is string => Boolean(p));
  if (platform === 'darwin') {
    return [
      ...named,
      ...['Google Chrome', 'Chromium', 'Microsoft Edge', 'Brave Browser'].map(
        (app) => `/Applications/${app}.app/Contents/MacOS/${app}`,
      ),
    ];
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(Boolean) as string[];
    return [
      ...named,
      ...roots.flatMap((root) => [
        join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        join(root, 'Chromium', 'Application', 'chrome.exe'),
      ]),
    ];
  }
  return [
    ...named,
    ...['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'brave-browser'].map(
      (name) => `/usr/bin/${name}`,
    ),
    '/snap/bin/chromium',
  ];
}

/** The first browser that exists, or null. */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string | null {
  return candidates(env, platform).find((path) => exists(path)) ?? null;
}

export const NO_BROWSER =
  `PDF needs Chromium, Chrome or Edge, and none was found: install one, or set ${BROWSER_ENV} to its path ` +
  '(or export --format html and print that)';

const PRINT_TIMEOUT_MS = 60_000;

/** A variable the browser must not inherit: ours (passphrases among them), or any named as a secret. */
const SECRET_NAME = /^RECOLLECTION_|PASS(WORD|PHRASE|WD)|SECRET|TOKEN|CREDENTIAL|API_?KEY|PRIVATE_?KEY/i;

/** The environment the browser runs with: this process's, less every variable SECRET_NAME matches. */
export function browserEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !SECRET_NAME.test(name)));
}

/** The new owner-only folder the print works in: inside the data folder when there is one. */
function workFolder(dataDir: string | undefined): string {
  if (!dataDir) return mkdtempSync(join(tmpdir(), 'recollection-pdf-')); // 0700
  const dir = join(privateDir(join(dataDir, TEMP_LOG_DIR)), `pdf.${uniqueTag()}.tmp`);
  mkdirSync(dir, { mode: DIR_MODE });
  return privateDir(dir); // tightened whatever the umask
}

function run(browser: string, args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    // The child inherits the umask at spawn: whatever the browser creates (profile, PDF) is owner-only.
    const umask = process.umask(0o077);
    let child;
    try {
      child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'], env: browserEnv() });
    } finally {
      process.umask(umask);
    }
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 4096) err += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, err });
    });
  });
}

/** Prints `html` to PDF bytes; `dataDir` is where the work folder goes (the system's temporary folder without). */
export async function printHtmlToPdf(
  html: string,
  browser = findBrowser(),
  options: { dataDir?: string } = {},
): Promise<Uint8Array> {
  if (browser === null) throw new CliError(NO_BROWSER);
  const dir = workFolder(options.dataDir);
  try {
    const page = join(dir, 'brief.html');
    const pdf = join(dir, 'brief.pdf');
    const fd = openNew(page);
    try {
      writeSync(fd, html);
    } finally {
      closeSync(fd);
    }
    createNew(pdf); // the browser writes into a file that is already 0600
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      page,
    ];
    // Chromium refuses to run as root with its sandbox on (containers, CI).
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    let result: { code: number | null; err: string };
    try {
      result = await run(browser, args);
    } catch (err) {
      throw new CliError(
        `could not start ${browser} to print the PDF (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    if (!existsSync(pdf) || statSync(pdf).size === 0) {
      throw new CliError(`${browser} did not print the PDF (exit ${result.code ?? 'killed'})`);
    }
    return new Uint8Array(await readFile(pdf));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
