/**
 * File sniffing: our own exports (rendered by the real exporters) are named
 * as ours, other CSV / Markdown / HTML / ZIP / PDF / binary / text files are
 * named for what they are, and anything that starts like JSON is left to the
 * JSON reader. The sentences name the file and what can be imported.
 */
import { describe, expect, it } from 'vitest';
import * as fx from '../../../tests/support/entries';
import { exportCsv } from './csv';
import { exportDocx } from './docx';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { describeKind, IMPORTABLE, sniffBytes, sniffText } from './sniff';
import { exportW3c } from './w3c';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffing our own exports', () => {
  const entries = fx.realisticEntries();
  it('names each export format', async () => {
    expect(sniffText(exportCsv(entries, fx.OPTIONS))).toBe('csv-ours');
    expect(sniffText(exportMarkdown(entries, fx.OPTIONS))).toBe('markdown-ours');
    expect(sniffText(exportHtml(entries, fx.OPTIONS))).toBe('html-ours');
    expect(sniffText(exportW3c(entries, fx.OPTIONS))).toBe('json');
    const docx = await exportDocx(entries, fx.OPTIONS);
    expect(sniffBytes(docx)).toBe('docx');
    // Read as text by a browser (File.text()): still named from its signature.
    expect(sniffText(new TextDecoder().decode(docx))).toBe('docx');
    for (const text of [exportCsv, exportMarkdown, exportHtml].map((f) => f(entries, fx.OPTIONS)))
      expect(sniffBytes(bytes(text))).toBeNull();
  });
});

describe('sniffing other files', () => {
  it.each([
    ['a comma CSV', 'name,position\nA,oppose\nB,support\n', 'csv'],
    ['a semicolon CSV with CRLF', 'a;b;c\r\n1;2;3\r\n', 'csv'],
    ['a tab-separated file', 'a\tb\n1\t2\n', 'csv'],
    ['a Markdown note', '# My notes\n\nSome text.\n', 'markdown'],
    ['Markdown with front matter', '---\ntitle: x\n---\n# A\n', 'markdown'],
    ['an HTML page', '<!DOCTYPE html><html><body>hi</body></html>', 'html'],
    ['plain prose', 'Dear colleague, please find attached.', 'text'],
    ['JSON after white space and a BOM', '\uFEFF  \n {"type":"Annotation"}', 'json'],
    ['a JSON array', '[]', 'json'],
    ['a bare JSON value', '42', 'json'],
    ['a quoted CSV', '"type","id"\n"a","b"\n', 'csv'],
    ['broken JSON (left to the JSON reader)', '{"a": ', 'json'],
  ])('%s', (_, text, kind) => {
    expect(sniffText(text)).toBe(kind);
  });

  it('names binary files from their bytes', () => {
    expect(sniffBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, ...bytes('photos/a.jpg')]))).toBe('zip');
    expect(sniffBytes(bytes('%PDF-1.7\n%âãÏÓ'))).toBe('pdf');
    expect(sniffBytes(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00]))).toBe('binary'); // UTF-16 JSON
    expect(sniffBytes(bytes('age-encryption.org/v1\n-> scrypt'))).toBe('age-binary');
    expect(sniffBytes(bytes('{"type":"Annotation"}'))).toBeNull();
  });

  it('says in one sentence what the file is and what can be imported', () => {
    const sentence = describeKind('csv-ours', 'notes.csv is');
    expect(sentence).toBe(
      `notes.csv is a spreadsheet (CSV) exported by Recollection, for reading in a spreadsheet program; it cannot be imported. ${IMPORTABLE}`,
    );
    expect(IMPORTABLE).toMatch(/JSON export .* JSON-LD, and sealed \.recollection files/);
  });
});
