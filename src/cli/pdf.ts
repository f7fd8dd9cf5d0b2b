/**
 * `export --format pdf` on the command line: the printable HTML brief (the
 * same file the app prints) printed to PDF by a Chromium-based browser found
 * on this machine, run headless.
 *
 * Constraints: offline and private — the brief is written to a folder only
 * the user can read, the browser runs with its own throwaway profile, no
 * network services (the brief itself carries a policy that forbids scripts), and both are removed afterwards, whatever
 * happens; a machine with no such browser gets one sentence saying what to
 * install or set, never a stack trace. The app itself prints with Electron
 * (src/main/dialogs.ts), so only the command line needs this.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

function run(browser: string, args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'] });
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

/** Prints `html` to PDF bytes. */
export async function printHtmlToPdf(html: string, browser = findBrowser()): Promise<Uint8Array> {
  if (browser === null) throw new CliError(NO_BROWSER);
  // mkdtemp makes the folder 0700: the brief holds private notes.
  const dir = await mkdtemp(join(tmpdir(), 'recollection-pdf-'));
  try {
    const page = join(dir, 'brief.html');
    const pdf = join(dir, 'brief.pdf');
    await writeFile(page, html, { mode: 0o600 });
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
    if (!existsSync(pdf)) {
      throw new CliError(`${browser} did not print the PDF (exit ${result.code ?? 'killed'})`);
    }
    return new Uint8Array(await readFile(pdf));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
