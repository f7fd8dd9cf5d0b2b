/**
 * `Recollection cli <command> …`: the installed app runs the command line
 * (its fuses forbid running as Node). The real main module and the real
 * command line over the real content database and a temporary data folder;
 * only Electron is a stand-in (./fakes).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { cliModeArgs } from '../../src/main/cli-mode';
import type * as FakesModule from './fakes';

vi.mock('electron', () => import('./fakes'));

type Fakes = typeof FakesModule;
const folders: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'recollection-cli-mode-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
afterEach(() => vi.restoreAllMocks());

/** Starts the main module as the packaged app started with `argv`, and waits for app.exit. */
async function runApp(argv: string[], userData: string): Promise<{ code: unknown; out: string; fakes: Fakes }> {
  vi.resetModules();
  const fakes = (await import('electron')) as unknown as Fakes;
  fakes.resetFakes();
  fakes.app.isPackaged = true;
  fakes.app.paths.set('userData', userData);
  fakes.protocol.registerSchemesAsPrivileged.mockClear();
  Object.defineProperty(process, 'resourcesPath', { value: join(userData, 'resources'), configurable: true });
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const saved = process.argv;
  process.argv = ['/opt/Recollection/recollection', ...argv];
  try {
    await import('../../src/main/index');
  } finally {
    process.argv = saved;
  }
  fakes.app.markReady();
  await vi.waitFor(() => expect(fakes.app.exit).toHaveBeenCalled(), { timeout: 20_000 });
  return { code: fakes.app.exit.mock.calls[0]?.[0], out, fakes };
}

describe('cliModeArgs', () => {
  it('takes the words after "cli", packaged and in development', () => {
    expect(cliModeArgs(['/opt/R/recollection', 'cli', 'search', 'x'], true)).toEqual(['search', 'x']);
    expect(cliModeArgs(['/x/electron', '.', 'cli', 'show', 'c1'], false)).toEqual(['show', 'c1']);
    expect(cliModeArgs(['/opt/R/recollection'], true)).toBeNull();
    expect(cliModeArgs(['/opt/R/recollection', 'recollection://block/c1.f1.po.1'], true)).toBeNull();
    // Only the first word counts: a deep link or a file named "cli" later on is not a command.
    expect(cliModeArgs(['/opt/R/recollection', '--flag', 'cli'], true)).toBeNull();
  });
});

describe('the installed app as a command line', () => {
  it('answers a command with no window and no single-instance lock, and exits with its code', async () => {
    const data = temp();
    const { code, out, fakes } = await runApp(
      ['cli', 'show', 'c2.f2.po.1', '--json', '--content', CONTENT_DB_PATH, '--data-dir', data],
      data,
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      type: 'block',
      data: { block: { id: 'c2.f2.po.1', shortLabel: '2.2 PO 1' } },
    });
    expect(fakes.BrowserWindow.instances).toHaveLength(0);
    expect(fakes.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    // The guards are on all the same: the session's request blocker is installed.
    expect(fakes.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
  });

  it("writes to the app's own notes folder unless told otherwise, and reports errors with exit 1", async () => {
    const userData = temp();
    const added = await runApp(
      ['cli', 'annotate', 'c2.f2.po.1', '--note', 'from the installed app', '--content', CONTENT_DB_PATH],
      userData,
    );
    expect(added.code).toBe(0);
    expect(existsSync(join(userData, 'user.db'))).toBe(true);
    const listed = await runApp(['cli', 'notes', '--json', '--content', CONTENT_DB_PATH], userData);
    expect(listed.out).toContain('from the installed app');
    const missing = await runApp(['cli', 'show', 'nowhere', '--content', CONTENT_DB_PATH], userData);
    expect(missing.code).toBe(1);
  });

  it("prints PDF with the app's own printer (no browser needed)", async () => {
    const data = temp();
    const pdf = join(data, 'brief.pdf');
    const { code, fakes } = await runApp(
      ['cli', 'export', '--format', 'pdf', '--out', pdf, '--content', CONTENT_DB_PATH, '--data-dir', data],
      data,
    );
    expect(code).toBe(0);
    expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.7 fake');
    const printer = fakes.BrowserWindow.instances[0];
    expect(printer?.options).toMatchObject({ show: false, webPreferences: { javascript: false } });
    expect(printer?.destroyed).toBe(true);
  });
});
