/**
 * Human-readable output of the command line: outline tree, search hits,
 * blocks and pages, notes, import previews, backups.
 *
 * Constraint: text only, no colour or terminal control codes (output is often
 * piped or pasted into a brief); --json output is produced elsewhere and never
 * goes through these functions. Text from notes can hold any character (an
 * imported file chose them): everything printed goes through terminalText(),
 * so a note can never retitle the window, clear the screen, plant a hidden
 * link (OSC 8) or write the clipboard (OSC 52).
 */
import { fallbackNotice } from '../shared/search-notice';
import type {
  BackupInfo,
  BlockPayload,
  Bookmark,
  FootnotePayload,
  ImportPreview,
  OutlineNode,
  SearchResult,
  SectionPayload,
} from '../shared/contract/types';
import type { Block, Footnote } from '../shared/model';

const WIDTH = 88;

/** Escape sequences whole (so their arguments do not show as text), 7-bit and 8-bit forms. */
/* eslint-disable no-control-regex -- matching control characters is the point here */
const SEQUENCES = [
  /\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g, // OSC (title, hyperlink, clipboard) up to BEL or ST
  /\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g, // OSC, 8-bit
  /\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?/g, // DCS, SOS, PM, APC up to ST
  /[\x90\x98\x9e\x9f][^\x1b\x9c]*(?:\x1b\\|\x9c)?/g, // the same, 8-bit
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?/g, // CSI (cursor moves, erase display, colours)
  /\x1b[ -/]*[0-~]?/g, // any other escape
];
/** C0 controls but tab and line feed, DEL, C1 controls. */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/* eslint-enable no-control-regex */
/**
 * Bidirectional controls (ALM, LRM, RLM, the embeddings and overrides U+202A–202E, the isolates
 * U+2066–2069): a terminal cannot isolate a note, so a U+202E would reverse the lines after it.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to write to a terminal: escape sequences, control characters and bidi controls removed. */
export function terminalText(text: string): string {
  let out = text;
  for (const sequence of SEQUENCES) out = out.replace(sequence, '');
  return out.replace(CONTROLS, '').replace(BIDI, '');
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 but writes DEL, C1 (0x9B is CSI) and the
 * bidi controls raw; inside a JSON string \\u escapes are the same value, so the data is unchanged.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Word-wraps `text` to WIDTH columns, each line starting with `indent`. */
export function wrap(text: string, indent = ''): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > WIDTH) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(indent + line);
  }
  return lines;
}

/** "Cluster 2 (3) — Skills recognition…"; the label alone when it already says the title. */
const heading = (label: string, title: string): string => {
  if (!label) return title;
  return label.toLowerCase().includes(title.toLowerCase()) ? label : `${label} — ${title}`;
};

export function outlineLines(nodes: readonly OutlineNode[], depth = 0): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    const c = node.counts;
    const parts = c ? [c.po && `PO ${c.po}`, c.pa && `PA ${c.pa}`, c.ex && `EX ${c.ex}`].filter(Boolean) : [];
    const counts = parts.length ? `  [${parts.join(' · ')}]` : '';
    lines.push(`${'  '.repeat(depth)}${heading(node.label, node.title)}  (${node.id})${counts}`);
    lines.push(...outlineLines(node.children, depth + 1));
  }
  return lines;
}

export function searchLines(result: SearchResult): string[] {
  const first = result.hits.length ? result.offset + 1 : 0;
  const last = result.offset + result.hits.length;
  const lines = [
    `${result.total} result${result.total === 1 ? '' : 's'} for "${result.query}" (showing ${first}–${last})`,
  ];
  if (last < result.total) lines.push(`More: --offset ${last}`);
  if (!result.allWords) lines.push(fallbackNotice(result.missing));
  if (result.expanded.length) lines.push(`Also searched: ${result.expanded.join(', ')}`);
  if (result.didYouMean) lines.push(`Did you mean "${result.didYouMean}"?`);
  if (result.jump) lines.push(`Go to: ${result.jump.label} (${result.jump.blockId ?? result.jump.pageId})`);
  result.hits.forEach((hit, i) => {
    const matched = !result.allWords && hit.matched ? `  [matches: ${hit.matched.join(', ')}]` : '';
    lines.push('', `${first + i}. ${hit.label}  (${hit.id})${matched}`);
    lines.push(...wrap(hit.snippet.text, '   '));
  });
  return lines;
}

function footnoteLine(f: Footnote): string[] {
  const text = f.status === 'missing' ? `(text missing from the source${f.note ? `: ${f.note}` : ''})` : f.text;
  return wrap(`[${f.number}] ${text}`, '  ');
}

function blockText(block: Block): string[] {
  return wrap(block.text, block.parentId ? '      ' : '  ');
}

export function blockLines(payload: BlockPayload): string[] {
  const lines = [payload.breadcrumb.map((c) => c.label || c.title).join(' › '), payload.block.label, ''];
  lines.push(...blockText(payload.block));
  if (payload.footnotes.length) lines.push('', 'Footnotes:', ...payload.footnotes.flatMap(footnoteLine));
  return lines;
}

export function sectionLines(payload: SectionPayload): string[] {
  const { section } = payload;
  const lines = [payload.breadcrumb.map((c) => c.label || c.title).join(' › '), heading(section.label, section.title)];
  let current = '';
  for (const block of payload.blocks) {
    const child = payload.children.find((c) => c.id === block.sectionId);
    if (child && child.id !== current) {
      current = child.id;
      lines.push('', child.title.toUpperCase());
    }
    lines.push('', `${block.shortLabel}  (${block.id})`, ...blockText(block));
  }
  if (payload.footnotes.length) lines.push('', 'Footnotes:', ...payload.footnotes.flatMap(footnoteLine));
  return lines;
}

export function footnoteLines(payload: FootnotePayload): string[] {
  const lines = footnoteLine(payload.footnote);
  if (payload.footnote.status !== 'present') lines.push(`  (number ${payload.footnote.status})`);
  if (payload.citedBy.length) lines.push('', 'Cited by:', ...payload.citedBy.map((b) => `  ${b.label}  (${b.id})`));
  return lines;
}

/**
 * "bookmark <uuid>  Cluster 2 (2), Policy option 1  (c2.f2.po.1)": the citation label when known,
 * and the bookmark's own label when it says more than that (never the id twice).
 */
export function bookmarkLine(b: Bookmark, label?: string): string {
  const own = b.label.trim();
  const says = own !== '' && own !== label && own !== b.targetId;
  const shown = label ? `${label}${says ? `  “${own}”` : ''}` : says ? own : '';
  return `bookmark ${b.id}  ${shown ? `${shown}  (${b.targetId})` : b.targetId}`;
}

export function previewLines(preview: ImportPreview): string[] {
  const counts = `${preview.added} new, ${preview.updated} updated, ${preview.unchanged} unchanged, ${preview.skipped} kept (local copy newer), ${preview.orphans} unattached; positions: ${preview.positions.added} new, ${preview.positions.updated} updated, ${preview.positions.kept} kept`;
  return [counts, ...preview.details.map((d) => `  ${d}`)];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function backupLine(b: BackupInfo): string {
  return `${b.name}  ${b.created}  ${formatBytes(b.bytes)}${b.verified ? '  verified' : '  NOT verified'}`;
}
