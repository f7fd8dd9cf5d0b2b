/**
 * The CSV export read by LibreOffice Calc, as a delegate's spreadsheet reads
 * it: a data folder seeded through the real core (six positions, two of them
 * with notes; notes carrying formulas behind `;`, tab, `,`, line breaks and
 * quote marks, a DDE payload, a Markdown list), exported, then opened by Calc
 * headless with `,`, `;` and tab as the separator and formulas evaluated (the
 * worst setting), converted to a flat ODS file and read back.
 *
 * Checked: no cell of any reading holds a formula, or starts like one; read
 * with `,` every value is the one csv-parse reads; every position is in the
 * file, in words; list lines keep no stray quote. Needs `soffice`
 * (Debian: libreoffice-calc); without it the Calc part is skipped and says so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { ContentStore } from '../../src/core/content/store';
import { renderExport } from '../../src/core/handlers/exchange';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const NOW = new Date('2026-11-30T09:00:00Z');
const HOSTILE = [
  'semi;=10+20;',
  "tab\t=2+3\tand DDE;=cmd|' /C calc'!A0;",
  'comma, =4+5 and a quote;"=6+7"',
  'line one\n@SUM(1+1)\n+8+9',
  'full-width;＝1+1',
].join('\n\n');
const LIST = '- retain access to justice\n- no detention of children';
/** Six options with a position; the first two carry the notes. */
const MARKS = [
  ['c2.f2.po.1', 'red-line', 'high'],
  ['c2.f2.po.2', 'ask-capital', null],
  ['c2.f2.po.3', 'support', 'low'],
  ['c2.f2.pa.1', 'oppose', null],
  ['c2.f2.pa.2', 'support-with-amendments', 'medium'],
  ['c2.f2.pa.3', 'no-position', null],
] as const;

type Row = Record<string, string>;
let tc: TestCore;
let content: ContentStore;
let csv = '';
const work = mkdtempSync(join(tmpdir(), 'recollection-calc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  tc = openTestCore();
  content = ContentStore.open(CONTENT_DB_PATH);
  for (const [targetId, position, priority] of MARKS) await tc.value('positions.set', { targetId, position, priority });
  await tc.value('annotations.create', { blockId: 'c2.f2.po.1', note: HOSTILE, tags: ['=1+1 budget'] });
  await tc.value('annotations.create', { blockId: 'c2.f2.po.2', note: LIST });
  const args = { format: 'csv' as const, scope: { kind: 'all' as const }, includeNotes: true };
  csv = (await renderExport(content, tc.core.user, args, NOW)).data as string;
  mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
  writeFileSync(join(process.cwd(), 'test-results', 'export-hostile.csv'), csv);
}, 60_000);

afterAll(() => {
  content.close();
  tc.close();
  removeDir(tc.dataDir);
});

describe('CSV export: every position, in words', () => {
  it('has a row for each of the six positions, the four without a note as position rows', () => {
    const rows = parse<Row>(csv, { bom: true, columns: true });
    const byOption = new Map<string, Row[]>();
    for (const r of rows) byOption.set(r.block_id, [...(byOption.get(r.block_id) ?? []), r]);
    for (const [id] of MARKS) expect(byOption.has(id), id).toBe(true);
    expect(rows.filter((r) => r.type === 'position').map((r) => r.block_id)).toEqual([
      'c2.f2.po.3',
      'c2.f2.pa.1',
      'c2.f2.pa.2',
      'c2.f2.pa.3',
    ]);
    expect(rows.map((r) => [r.block_id, r.position, r.priority])).toEqual([
      ['c2.f2.po.1', 'Red line', 'High'],
      ['c2.f2.po.2', 'Ask capital', ''],
      ['c2.f2.po.3', 'Support', 'Low'],
      ['c2.f2.pa.1', 'Oppose', ''],
      ['c2.f2.pa.2', 'Support with amendments', 'Medium'],
      ['c2.f2.pa.3', 'No position yet', ''],
    ]);
    expect(rows.find((r) => r.type === 'position')?.label).toBe('Cluster 2 (2), Policy option 3');
  });

  it('writes list lines as "• " lines, without a stray quote', () => {
    const rows = parse<Row>(csv, { bom: true, columns: true });
    expect(rows[1]?.note).toBe('• retain access to justice\n• no detention of children');
    expect(csv).not.toContain("'- retain");
  });
});

const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
/** Calc's CSV filter: separator, quote ", UTF-8, line 1, …, quoted field not as text, formulas evaluated. */
const filter = (separator: number): string => `CSV:${separator},34,76,1,,1033,false,true,false,false,false,-1,true`;

/** Filled cells of a flat ODS file as text, row by row (repeats expanded, empty cells skipped). */
function odsCells(xml: string): { text: string; formula: boolean }[][] {
  const decode = (s: string): string =>
    s
      .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
      .replace(/<text:tab\/>/g, '\t')
      .replace(/<text:line-break\/>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)]
      .filter((c) => c[2] !== undefined)
      .flatMap((c) => {
        const cell = {
          formula: /table:formula=/.test(c[1] ?? ''),
          text: [...(c[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) => decode(p[1] ?? '')).join('\n'),
        };
        const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(c[1] ?? '')?.[1] ?? 1);
        return Array.from({ length: repeated }, () => cell);
      }),
  );
}

function calc(separator: number, name: string): { text: string; formula: boolean }[][] {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'notes.csv'), csv);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      `--infilter=${filter(separator)}`,
      '--convert-to',
      'fods',
      '--outdir',
      dir,
      join(dir, 'notes.csv'),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return odsCells(readFileSync(join(dir, 'notes.fods'), 'utf8'));
}

describe.skipIf(!SOFFICE)('CSV export read by LibreOffice Calc (formulas evaluated)', () => {
  const readings = [
    [44, 'comma'],
    [59, 'semicolon'],
    [9, 'tab'],
  ] as const;
  for (const [separator, name] of readings)
    it(`holds no formula read with ${name} as separator`, () => {
      const sheet = calc(separator, name);
      const cells = sheet.flat();
      expect(cells.some((c) => c.text.includes('semi'))).toBe(true); // the hostile note was read
      expect(cells.filter((c) => c.formula).map((c) => c.text)).toEqual([]);
      // Nothing that starts like a formula either (a reader with other settings could run it).
      for (const c of cells) for (const line of c.text.split('\n')) expect(line).not.toMatch(/^[ "]*[=+\-@＝＋－＠]/);
      if (separator === 44) {
        // Read with the separator it was written with, Calc sees exactly what csv-parse sees.
        const rows: string[][] = parse(csv, { bom: true });
        // (Empty cells are not in the flat ODS file: compare the filled ones, in order.)
        // Calc drops a tab inside a cell, the one difference.
        const noTab = (v: string): string => v.replace(/\t/g, '');
        expect(sheet.map((r) => r.map((c) => c.text))).toEqual(rows.map((r) => r.filter((v) => v !== '').map(noTab)));
      }
    }, 150_000);
});
