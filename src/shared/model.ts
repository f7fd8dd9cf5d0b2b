/**
 * The document model: what the corpus parser produces at build time, what the
 * content database stores, and what the renderer displays.
 *
 * Constraint: plain data only (strings, numbers, arrays, plain objects) so every
 * value survives structured clone across IPC and JSON in the command line.
 * No platform imports here: this file is shared by main, preload, renderer and core.
 */

/** Kind of a section in the outline tree. */
export type SectionKind =
  | 'front' // front matter (title, place, date)
  | 'part' // Parts I–IV
  | 'cluster' // the six thematic clusters of Part II
  | 'focus-area' // the 21 focus areas
  | 'group' // Policy Options / Options for practical action / Policy and Practice Examples inside a focus area
  | 'subsection'; // Part III (1)–(4)

export type GroupKind = 'po' | 'pa' | 'ex';

export interface Section {
  /** Stable id, e.g. `p1`, `p2`, `c2`, `c2.f3`, `c2.f3.po`, `p3.s2`, `front`. */
  id: string;
  kind: SectionKind;
  parentId: string | null;
  /** Position among its siblings, from 1. */
  order: number;
  /** Title as printed (noise removed, casing kept). */
  title: string;
  /** Citation label, e.g. "Cluster 2 (3)", "Part III (2)", "Part I". */
  label: string;
  /** For groups only. */
  group?: GroupKind;
}

/** Kind of a block of text. */
export type BlockKind =
  | 'title' // front-matter lines
  | 'paragraph' // prose: introduction, cluster context, Part III/IV paragraphs
  | 'bullet' // bulleted item outside the three focus-area groups
  | 'policy-option'
  | 'practical-action'
  | 'practical-action-item' // numbered sub-item 1)–5) nested under a practical action
  | 'example' // a Policy and Practice Example
  | 'quotation'; // the indented quotation in Part III

/** Inline formatting over the block's plain text, as [start, end) UTF-16 offsets. */
export interface Mark {
  type: 'bold' | 'italic' | 'link';
  start: number;
  end: number;
  /** For `link`: the URL. */
  href?: string;
}

/** A footnote reference sitting at `offset` in the plain text (after the character it follows). */
export interface FootnoteRef {
  offset: number;
  number: number;
}

export interface Block {
  /** Stable, human-readable id, e.g. `c2.f3.po.1`, `c3.f2.pa.4.1`, `p1.3`, `fn.54` is a footnote (not a block). */
  id: string;
  sectionId: string;
  /** Parent block for nested items (numbered sub-list), otherwise null. */
  parentId: string | null;
  kind: BlockKind;
  /** Global reading order, from 1, over all blocks. */
  seq: number;
  /** Plain text, noise removed, wrapped lines joined, no markup. */
  text: string;
  marks: Mark[];
  footnoteRefs: FootnoteRef[];
  /** Citation label a delegate can paste, e.g. "Cluster 2 (3), Policy option 1". */
  label: string;
  /** Compact margin label, e.g. "2.3 PO 1". */
  shortLabel: string;
}

/** How a footnote's number was established. */
export type FootnoteStatus =
  | 'present' // the number survives in the source
  | 'inferred' // the number was lost or displaced by the conversion and inferred from order and context
  | 'missing'; // the footnote's text is absent from the source: recorded, never invented

export interface Footnote {
  number: number;
  /** `fn.<number>` */
  id: string;
  status: FootnoteStatus;
  /** Empty for missing footnotes. */
  text: string;
  marks: Mark[];
  urls: string[];
  /** GFMD Platform for Partnerships ids found in the footnote (gfmd.org/pfp/ppd/<id>). */
  pfpIds: number[];
  /** Why the number was inferred or why the footnote is missing. */
  note?: string;
}

export const CROSS_REF_TYPES = ['sdg', 'sutherland', 'pfp', 'actor'] as const;
export type CrossRefType = (typeof CROSS_REF_TYPES)[number];

/** A cross-reference found in a block (directly or through a footnote it cites) or in a footnote. */
export interface CrossRef {
  /** Block id or footnote id (`fn.N`). */
  sourceId: string;
  type: CrossRefType;
  /** Normalised key: `10.7`, `10.c`, `13` (goal), `5`, `12(a)`, `215`, `IOM`. */
  key: string;
  /** Display text: "SDG target 10.7", "SDG 13", "Recommendation 12(a)", "PfP 215", "IOM". */
  display: string;
  /** `text` when found in the source's own text, `footnote` when inherited from a cited footnote. */
  via: 'text' | 'footnote';
}

export interface DocumentModel {
  meta: {
    title: string;
    subtitle: string;
    place: string;
    date: string;
  };
  sections: Section[];
  blocks: Block[];
  footnotes: Footnote[];
  crossRefs: CrossRef[];
}
