/**
 * Markdown brief, read back with a real CommonMark parser: the heading tree,
 * the quoted text (escaping loses nothing), the deep links, and that no note can
 * change the structure of the brief.
 */
import { Parser, type Node } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSITION_LABELS } from '../../shared/vocabulary/labels';
import { CLUSTER_INTRO, OTHER_PARTS, UNATTACHED } from './brief';
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

const quoteOf = (e: ExportEntry): string | null =>
  e.annotation?.selector?.exact ?? e.block?.text ?? (e.target?.excerpt || null);
const labelOf = (e: ExportEntry): string => e.target?.label ?? e.annotation?.blockId ?? e.bookmark?.targetId ?? '';

describe('Markdown brief', () => {
  const entries = realisticEntries();
  const md = exportMarkdown(entries, OPTIONS);
  const doc = parse(md);
  const top = children(doc);
  const headings = top.filter((n) => n.type === 'heading');

  it('has one title and a level-2 heading per cluster, then the other parts, then the unattached notes', () => {
    expect(headings.filter((h) => h.level === 1).map(textOf)).toEqual([`Notes: ${OPTIONS.documentTitle}`]);
    const clusters: string[] = [];
    for (const e of entries)
      if (e.target && e.clusterTitle && !clusters.includes(e.clusterTitle)) clusters.push(e.clusterTitle);
    expect(clusters.length).toBeGreaterThanOrEqual(3);
    expect(headings.filter((h) => h.level === 2).map(textOf)).toEqual([...clusters, OTHER_PARTS, UNATTACHED]);
  });

  it('puts every item under its own cluster and focus-area headings, quoting its text exactly', () => {
    const byLabel = new Map(entries.map((e) => [labelOf(e), e]));
    let h2 = '';
    let h3: string | null = null;
    const seen: string[] = [];
    top.forEach((node, i) => {
      if (node.type !== 'heading') return;
      const text = textOf(node);
      if (node.level === 2) [h2, h3] = [text, null];
      const entry = byLabel.get(text);
      if (node.level === 3 && !entry) h3 = text;
      if (!entry || node.level < 3) return;
      seen.push(text);
      const orphan = entry.annotation?.anchor === 'orphan' || entry.target === null;
      if (orphan) expect(h2).toBe(UNATTACHED);
      else if (entry.clusterTitle === null) expect(h2).toBe(OTHER_PARTS);
      else {
        expect(h2).toBe(entry.clusterTitle);
        expect(h3).toBe(entry.focusAreaTitle ?? (h3 === null ? null : CLUSTER_INTRO));
      }
      // Heading levels never skip: an item is one level below the heading it sits under.
      expect(node.level).toBe(h3 === null ? 3 : 4);
      const quote = quoteOf(entry);
      if (quote) {
        expect(top[i + 1]?.type).toBe('block_quote');
        expect(textOf(top[i + 1])).toBe(quote);
      }
    });
    expect(seen.sort()).toEqual(entries.map(labelOf).sort());
  });

  it('links every item back into the app', () => {
    const links = descendants(doc, 'link').map((l) => l.destination);
    for (const e of entries) {
      expect(links).toContain(`recollection://block/${e.annotation?.blockId ?? e.bookmark?.targetId}`);
    }
  });

  it('shows position and priority in words, tags, and the note as Markdown inside its item', () => {
    const rich = entries.find((e) => e.annotation?.position === 'support-with-amendments')!;
    const a = rich.annotation!;
    const list = top[top.findIndex((n) => n.type === 'heading' && textOf(n) === labelOf(rich)) + 2];
    expect(list.type).toBe('list');
    const items = children(list).map(textOf);
    expect(items).toContain(`Position: ${POSITION_LABELS['support-with-amendments'].label}`);
    expect(items).toContain('Priority: High');
    expect(items).toContain(`Tags: ${a.tags.join(', ')}`);
    const note = children(list).find((n) => textOf(n).startsWith('Note:'))!;
    // The note's own Markdown is rendered: its bullet list and emphasis are real nodes.
    expect(descendants(note, 'list')).toHaveLength(1);
    expect(descendants(note, 'emph').map(textOf)).toEqual(['then']);
    expect(textOf(note)).toContain('Capital says: "support, but add ILO C189".');
  });

  it('leaves out notes, tags and bookmark labels when asked, keeping positions and quotes', () => {
    const shared = exportMarkdown(entries, { ...OPTIONS, includeNotes: false });
    for (const e of entries) {
      if (e.annotation?.note) expect(shared).not.toContain(e.annotation.note.split('\n')[0].slice(0, 20));
      if (e.bookmark) expect(shared).not.toContain(e.bookmark.label);
    }
    // Tags such as "ILO" also occur in the document text, so look for the field itself.
    expect(shared).not.toContain('- Tags:');
    expect(md).toContain('- Tags:');
    expect(shared).toContain('Position: Support with amendments');
    expect(shared).toContain('Priority: High');
    expect(textOf(parse(shared))).toContain('gender-sensitive labor migration policies');
  });

  it('keeps a hostile note inside its item: headings, fences and HTML cannot escape', () => {
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
      `1 Notes: ${OPTIONS.documentTitle}`,
      `2 ${list[0].clusterTitle}`,
      `3 ${list[0].focusAreaTitle}`,
      `4 ${block('c2.f2.po.1').label}`,
      `4 ${block('c2.f2.po.3').label}`,
    ]);
    // The injected headings exist, but only inside the note's list item.
    const nested = descendants(out, 'heading').filter((h) => h.parent?.type !== 'document');
    expect(nested.map(textOf)).toEqual(['Injected heading', 'Setext heading']);
    // After the unclosed fence, the next item still has its quote at the top level.
    const last = children(out).at(-2)!;
    expect(last.type).toBe('block_quote');
    expect(textOf(last)).toBe('fair recruitment initiatives');
  });

  it('says so when there is nothing to export', () => {
    const out = parse(exportMarkdown([], OPTIONS));
    expect(children(out).filter((n) => n.type === 'heading')).toHaveLength(1);
    expect(textOf(out)).toContain('No notes or bookmarks to export.');
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
