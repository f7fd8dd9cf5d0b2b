/**
 * The command line's PDF export keeps the brief private: the browser it runs
 * (here a stand-in script, a real process, that reports what it was given and
 * then writes a PDF, or stops and waits to be killed) gets no passphrase in its
 * environment, and works in a new owner-only folder inside the data folder
 * (0700; the brief and the PDF 0600); the folder is removed when the print
 * ends, and — when the export was killed mid-print — at the next open.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printHtmlToPdf } from '../../src/cli/pdf';
import { openTestCore } from '../support/core';
import { buildChild } from './build-child';

const NOTE = 'Pangolin note: red line on access to justice';
let root: string;
let browser: string;
let CHILD_JS = '';

/** The stand-in browser: reports its environment and the modes it finds, then prints (or waits to be killed). */
const FAKE = `
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
const here = import.meta.dirname;
const pdf = process.argv.find((a) => a.startsWith('--print-to-pdf=')).slice('--print-to-pdf='.length);
const page = process.argv[process.argv.length - 1];
const mode = (f) => (existsSync(f) ? statSync(f).mode & 0o777 : null);
const report = { env: Object.keys(process.env), folder: dirname(page), folderMode: mode(dirname(page)), pageMode: mode(page), page: existsSync(page) ? String(statSync(page).size) : null };
if (existsSync(join(here, 'hang'))) {
  writeFileSync(join(here, 'ready.tmp'), JSON.stringify({ pid: process.pid, ...report }));
  renameSync(join(here, 'ready.tmp'), join(here, 'ready.json'));
  setInterval(() => {}, 1000);
} else {
  writeFileSync(pdf, '%PDF-1.4 stand-in');
  writeFileSync(join(here, 'report.json'), JSON.stringify({ ...report, pdfMode: mode(pdf) }));
}
`;

beforeAll(async () => {
  CHILD_JS = await buildChild('pdf-child');
  root = mkdtempSync(join(tmpdir(), 'recollection-pdf-test-'));
  writeFileSync(join(root, 'fake.mjs'), FAKE);
  browser = join(root, 'browser');
  writeFileSync(browser, `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'fake.mjs')}" "$@"\n`);
  chmodSync(browser, 0o755);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('the PDF export and its browser', () => {
  it('gives the browser no passphrase, and works owner-only inside the data folder, removed afterwards', async () => {
    const dataDir = mkdtempSync(join(root, 'data-'));
    const saved = { ...process.env };
    process.env['RECOLLECTION_PASSPHRASE'] = 'notes passphrase';
    process.env['RECOLLECTION_SEAL_PASSPHRASE'] = 'seal passphrase';
    process.env['SOME_API_TOKEN'] = 'a token';
    const umask = process.umask(0o022);
    try {
      const bytes = await printHtmlToPdf(`<p>${NOTE}</p>`, browser, { dataDir });
      expect(Buffer.from(bytes).toString()).toBe('%PDF-1.4 stand-in');
    } finally {
      process.umask(umask);
      process.env = saved;
    }
    const report = JSON.parse(readFileSync(join(root, 'report.json'), 'utf8')) as Record<string, unknown>;
    const env = report['env'] as string[];
    expect(env.filter((n) => /PASSPHRASE|TOKEN/.test(n))).toEqual([]);
    expect(env).toContain('PATH');
    expect(String(report['folder']).startsWith(join(dataDir, 'temp-files'))).toBe(true);
    expect(report['folderMode']).toBe(0o700);
    expect(report['pageMode']).toBe(0o600);
    expect(report['pdfMode']).toBe(0o600);
    expect(existsSync(String(report['folder']))).toBe(false);
  });

  it('a print killed half-way leaves its folder inside the data folder, removed at the next open', async () => {
    const dataDir = mkdtempSync(join(root, 'data-'));
    writeFileSync(join(root, 'hang'), '');
    const child = spawn(process.execPath, [CHILD_JS, dataDir, browser], { stdio: 'ignore' });
    // The stand-in says when it has the brief (its report renamed into place whole); no timer decides the kill.
    const ready = join(root, 'ready.json');
    while (!existsSync(ready)) await new Promise((r) => setTimeout(r, 20));
    const { pid, folder } = JSON.parse(readFileSync(ready, 'utf8')) as { pid: number; folder: string };
    const gone = new Promise((r) => child.on('close', r));
    child.kill('SIGKILL');
    process.kill(pid, 'SIGKILL');
    await gone;
    rmSync(join(root, 'hang'));
    rmSync(ready);
    expect(String(folder).startsWith(join(dataDir, 'temp-files'))).toBe(true);
    expect(readFileSync(join(folder, 'brief.html'), 'utf8')).toContain(NOTE);
    expect(statSync(join(folder, 'brief.html')).mode & 0o777).toBe(0o600);
    const t = openTestCore(dataDir);
    t.close();
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(join(dataDir, 'temp-files'))).toEqual([]);
  });
});
