/**
 * Markdown brief, read back with a real CommonMark parser: the heading tree,
 * the quoted text (escaping loses nothing), the deep links, and that no note can
 * change the structure of the brief.
 */
import { Parser, type Node } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSITION_LABELS } from '../../shared/vocabulary/labels';
import { OTHER_PARTS, SUMMARY_TITLE, UNATTACHED } from './brief-model';
import { escapeMarkdown, exportMarkdown } from './markdown';
import {
  OPTIONS,
  annotation,
  annotationEntry,
  block,
  realisticEntries,
  selectorOn,
} from '../../../tests/support/entries';
import type { ExportEntry } from './types';

const parse = (md: string): Node => new Parser().parse(md);

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c; c = c.next) out.push(c);
  return out;
}

/** The text a reader sees (what escaping must preserve). */
function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'code' || node.type === 'html_inline') return node.literal ?? '';
  if (node.type === 'softbreak' || node.type === 'linebreak') return '\n';
  return children(node).map(textOf).join('');
}

function descendants(node: Node, type: Node['type']): Node[] {
  const out: Node[] = [];
  const walker = node.walker();
  for (let e = walker.next(); e; e = walker.next()) if (e.entering && e.node.type === type) out.push(e.node);
  return out;
}

const targetOf = (e: ExportEntry): string => e.annotation?.blockId ?? e.bookmark?.targetId ?? '';
const labelOf = (e: ExportEntry): string => e.target?.label ?? e.annotation?.blockId ?? e.bookmark?.targetId ?? '';

describe('Markdown brief', () => {
  const entries = realisticEntries();
  const md = exportMarkdown(entries, OPTIONS);
  const doc = parse(md);
  const top = children(doc);
  const headings = top.filter((n) => n.type === 'heading');
  const targets = [...new Set(entries.map(targetOf))];

  it('has one title, the positions summary, a level-2 heading per cluster, then the other parts, then the unattached notes', () => {
    expect(headings.filter((h) => h.level === 1).map(textOf)).toEqual([`Brief: ${OPTIONS.documentTitle}`]);
    const clusters: string[] = [];
    for (const e of entries)
      if (e.target && e.clusterTitle && !clusters.includes(e.clusterTitle)) clusters.push(e.clusterTitle);
    expect(clusters.length).toBeGreaterThanOrEqual(3);
    // Cluster titles as the outline prints them, not in capitals.
    for (const c of clusters) expect(c).not.toMatch(/[A-Z]{5}/);
    expect(headings.filter((h) => h.level === 2).map(textOf)).toEqual([
      SUMMARY_TITLE,
      ...[...clusters].sort(),
      OTHER_PARTS,
      UNATTACHED,
    ]);
    // The content build is in the file's metadata (a comment), not in the text a reader sees.
    expect(md.startsWith(`<!-- Recollection brief; content build ${OPTIONS.contentBuildId};`)).toBe(true);
    expect(textOf(doc)).not.toContain(OPTIONS.contentBuildId);
  });

  it('gives one entry per option, under its own cluster and focus-area headings, quoting its text exactly', () => {
    const byTarget = new Map(entries.map((e) => [labelOf(e), e]));
    let h2 = '';
    let h3: string | null = null;
    const seen: string[] = [];
    top.forEach((node, i) => {
      if (node.type !== 'heading' || node.level < 2) return;
      const text = textOf(node);
      if (node.level === 2) [h2, h3] = [text, null];
      const entry = byTarget.get(text);
      if (node.level === 3 && (!entry || (entry.target && entry.target.id === entry.focusAreaId && h3 === null)))
        h3 = text;
      if (!entry || node.level < 3 || text === h3) return;
      seen.push(text);
      const orphan = entry.annotation?.anchor === 'orphan' || entry.target === null;
      if (orphan) expect(h2).toBe(UNATTACHED);
      else if (entry.clusterTitle === null) expect(h2).toBe(OTHER_PARTS);
      else expect(h2).toBe(entry.clusterTitle);
      expect(node.level).toBe(h3 === null ? 3 : 4);
      const text0 = orphan ? null : (entry.block?.text ?? entry.target?.excerpt ?? null);
      if (text0) {
        expect(top[i + 1]?.type).toBe('block_quote');
        expect(textOf(top[i + 1])).toBe(text0);
        // The citation in the document's own terms follows the quotation.
        expect(textOf(top[i + 2])).toContain(`${OPTIONS.documentTitle}, ${text}`);
      }
    });
    // One entry per option: no label twice, every target once.
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen.length).toBe(targets.length);
  });

  it('links every entry back into the app, in small print after the citation', () => {
    const links = descendants(doc, 'link').map((l) => l.destination);
    for (const t of targets) expect(links).toContain(`recollection://block/${t}`);
    for (const link of descendants(doc, 'link')) expect(link.parent?.type).toBe('emph');
  });

  it('shows position and priority in words, the positions table, tags, and the note as Markdown inside its entry', () => {
    const rich = entries.find((e) => e.annotation?.position === 'support-with-amendments')!;
    const a = rich.annotation!;
    const at = top.findIndex((n) => n.type === 'heading' && n.level > 2 && textOf(n) === labelOf(rich));
    const fields = children(top[at + 3]).map(textOf);
    expect(fields).toEqual([`Position: ${POSITION_LABELS['support-with-amendments'].label}`, 'Priority: High']);
    const note = top[at + 4];
    expect(note.type).toBe('list');
    expect(textOf(note)).toContain(`Tags: ${a.tags.join(', ')}`);
    // The highlight is quoted, and the note's own Markdown is rendered: its bullet list and emphasis are real nodes.
    expect(descendants(note, 'block_quote').map(textOf)).toEqual([a.selector!.exact]);
    expect(descendants(note, 'list').filter((l) => l !== note)).toHaveLength(1);
    expect(descendants(note, 'emph').map(textOf)).toEqual(['then']);
    expect(textOf(note)).toContain('Capital says: "support, but add ILO C189".');
    // The positions summary: a GFM table row per marked option of the cluster.
    expect(md).toContain('| Option | Text | Position | Priority | Note |');
    expect(md).toMatch(
      /\| Cluster 2 \(2\), Policy option 1 \| Protect women and men migrants through: the adoption… \| Support with amendments \| High \| Capital says/,
    );
    expect(md).toMatch(/\| Cluster 2 \(2\), Practical action 1 \| .* \| Red line \| Medium \| +\| *$/m);
  });

  it('leaves out notes, tags and bookmark labels when asked, keeping positions and quotes', () => {
    const shared = exportMarkdown(entries, { ...OPTIONS, includeNotes: false });
    for (const e of entries) {
      if (e.annotation?.note) expect(shared).not.toContain(e.annotation.note.split('\n')[0].slice(0, 20));
      if (e.bookmark) expect(shared).not.toContain(e.bookmark.label);
    }
    // Tags such as "ILO" also occur in the document text, so look for the field itself.
    expect(shared).not.toContain('Tags:');
    expect(md).toContain('Tags:');
    expect(shared).toContain('Position: Support with amendments');
    expect(shared).toContain('Priority: High');
    expect(textOf(parse(shared))).toContain('gender-sensitive labor migration policies');
  });

  it('keeps a hostile note inside its entry: headings, fences and HTML cannot escape', () => {
    const hostile =
      '# Injected heading\nSetext heading\n===\n<div>\n\n</div>\n[ref]: http://example.org\n\n    indented\n> quote\n```js\nunclosed fence';
    const list = [
      annotationEntry(annotation('c2.f2.po.1', { note: hostile, position: 'oppose' })),
      annotationEntry(annotation('c2.f2.po.3', { selector: selectorOn('c2.f2.po.3', 'fair recruitment initiatives') })),
    ];
    const out = parse(exportMarkdown(list, OPTIONS));
    const structure = children(out)
      .filter((n) => n.type === 'heading')
      .map((h) => `${h.level} ${textOf(h)}`);
    expect(structure).toEqual([
      `1 Brief: ${OPTIONS.documentTitle}`,
      `2 ${SUMMARY_TITLE}`,
      `3 ${list[0].clusterTitle}`,
      `2 ${list[0].clusterTitle}`,
      `3 ${list[0].focusAreaTitle}`,
      `4 ${block('c2.f2.po.1').label}`,
      `4 ${block('c2.f2.po.3').label}`,
    ]);
    // The injected headings are no headings at all: bold text inside the note's list item.
    expect(descendants(out, 'heading').filter((h) => h.parent?.type !== 'document')).toEqual([]);
    expect(descendants(out, 'strong').map(textOf)).toEqual(['Injected heading', 'Setext heading']);
    // After the unclosed fence, the next entry still has its quote at the top level.
    const last = children(out).at(-1)!;
    expect(last.type).toBe('list');
    expect(descendants(last, 'block_quote').map(textOf)).toEqual(['fair recruitment initiatives']);
  });

  it('says so when there is nothing to export', () => {
    const out = parse(exportMarkdown([], OPTIONS));
    expect(children(out).filter((n) => n.type === 'heading')).toHaveLength(1);
    expect(textOf(out)).toContain('No notes, bookmarks or positions to export.');
  });
});

describe('escapeMarkdown', () => {
  it('keeps every printable ASCII text exactly, whatever markup it looks like', () => {
    const printable = fc
      .array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 80 })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(printable, (s) => {
        const doc = parse(`> ${escapeMarkdown(s)}\n`);
        const nodes = children(doc);
        const shown = nodes.length ? textOf(nodes[0]) : '';
        // Leading and trailing blanks carry no meaning in document text and are not kept.
        expect(shown).toBe(s.trim());
        expect(nodes.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps line-start markers as text', () => {
    for (const s of [
      '- not a list',
      '+ not a list',
      '1. not a list',
      '2) nor this',
      '=== ',
      '# not a heading',
      '> not a quote',
    ]) {
      expect(textOf(parse(`> ${escapeMarkdown(s)}\n`)).trim()).toBe(s.trim());
    }
  });
});
