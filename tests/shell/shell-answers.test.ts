/**
 * The answers the Electron e2e target installs in the app's main process
 * (tests/e2e/shell-answers.ts), here installed on the shell tests' stand-in
 * for Electron's modules and driven through the real shell code: a queued
 * save path receives the export, a queued file is imported, nothing queued
 * cancels, and a link is never opened. Also: the function survives being sent
 * as text, as playwright-core sends it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/shared/contract/derive';
import { installShellAnswers, shellAnswers } from '../e2e/shell-answers';

vi.mock('electron', () => import('./fakes'));

const { openImport, saveExport } = await import('../../src/main/dialogs');
const { openExternal } = await import('../../src/main/external');
const fakes = await import('./fakes');

const dir = mkdtempSync(join(tmpdir(), 'recollection-answers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
fakes.app.paths.set('documents', dir);

const core = {
  'export.render': () => ({ filename: 'recollection-notes.md', mime: 'text/markdown', data: '# Notes\n' }),
} as unknown as Handlers;
const args = { format: 'markdown' as const, scope: { kind: 'all' as const }, includeNotes: true };

// Sent as text and rebuilt, as playwright-core does: proves it needs nothing from its module.
const install = runInThisContext(`(${installShellAnswers.toString()})`) as typeof installShellAnswers;
install({ dialog: fakes.dialog, shell: fakes.shell });

describe('the Electron target’s dialog answers, in the real shell code', () => {
  it('writes an export where the queued save answer points, and cancels when none is queued', async () => {
    const target = join(dir, 'brief.md');
    shellAnswers().save.push(target);
    expect(await saveExport(core, args, null)).toEqual({ path: target });
    expect(readFileSync(target, 'utf8')).toBe('# Notes\n');
    expect(await saveExport(core, args, null)).toBeNull();
  });

  it('reads the queued file for import, and cancels when none is queued', async () => {
    const file = join(dir, 'notes.json');
    writeFileSync(file, '{"annotations":[]}');
    shellAnswers().open.push(file);
    expect(await openImport(null)).toEqual({ name: 'notes.json', data: '{"annotations":[]}' });
    expect(await openImport(null)).toBeNull();
  });

  it('answers a link’s confirmation with Cancel: the link is shown, never opened', async () => {
    expect(await openExternal('https://gfmd.org/pfp/ppd/470', null)).toEqual({ opened: false });
    expect(shellAnswers().messages).toEqual(['Open gfmd.org in your web browser?']);
    expect(shellAnswers().external).toEqual([]);
  });
});
