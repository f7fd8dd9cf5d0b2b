/**
 * Re-anchoring: after a new content build, re-attach each annotation to the
 * text it was made on. Order of attempts: same block and same offsets; the
 * exact quote elsewhere in the block; a fuzzy match of the quote (Myers'
 * algorithm via `approx-string-match`, as Hypothesis does) in the block, or —
 * if the block is gone — in the blocks of its section and focus area.
 *
 * Constraint: an annotation is never dropped and never silently moved. When no
 * candidate is good enough it becomes an 'orphan' keeping its old block id,
 * quote and note; every move is flagged 'reanchored' for the user to see.
 */
import { nodeCrypto } from '../../base/builtins';
import search from 'approx-string-match';
import type { AnchorStatus, Selector } from '../../../shared/contract/types';
import type { Block } from '../../../shared/model';
import type { ContentLookup } from '../../content/lookup';
import { AnnotationRepo } from './rows';
import type { UserDb } from '../db';
import { META_CONTENT_BUILD, MetaRepo } from '../meta';
import { contextAround } from '../records';

/**
 * Acceptance rules, documented in docs/data-safety.md:
 * - a fuzzy quote match may differ by at most 25 % of the quote's length
 *   (edits, not rewrites);
 * - its combined score (quote 50, prefix 20, suffix 20, position 2 —
 *   Hypothesis' weights) must be at least 0.7 of the maximum;
 * - in another block than the original, the prefix and suffix must also agree
 *   on average at 0.5 or better, so a common phrase does not pull a note into
 *   an unrelated paragraph.
 */
export const REANCHOR = {
  maxErrorRatio: 0.25,
  minScore: 0.7,
  minContextElsewhere: 0.5,
  weights: { quote: 50, prefix: 20, suffix: 20, position: 2 },
} as const;

export interface AnchorInput {
  blockId: string;
  selector: Selector | null;
  /** Section of the block when the annotation was made (may be null for old records). */
  sectionId: string | null;
  anchor: AnchorStatus;
}

export interface AnchorResult {
  anchor: AnchorStatus;
  blockId: string;
  selector: Selector | null;
  sectionId: string | null;
}

/** 1 when `expected` occurs in `actual` unchanged, down to 0 when nothing of it matches. */
function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const matches = search(actual, expected, expected.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((m) => m.errors));
  return Math.max(0, 1 - errors / expected.length);
}

interface Candidate {
  block: Block;
  start: number;
  end: number;
  score: number;
  context: number;
}

function scoreMatch(sel: Selector, block: Block, start: number, end: number, errors: number): Candidate {
  const text = block.text;
  const w = REANCHOR.weights;
  const quote = 1 - errors / sel.exact.length;
  const prefix = similarity(sel.prefix, text.slice(Math.max(0, start - sel.prefix.length), start));
  const suffix = similarity(sel.suffix, text.slice(end, end + sel.suffix.length));
  const position = Math.max(0, 1 - Math.abs(start - sel.start) / Math.max(1, text.length));
  const score =
    (w.quote * quote + w.prefix * prefix + w.suffix * suffix + w.position * position) /
    (w.quote + w.prefix + w.suffix + w.position);
  return { block, start, end, score, context: (prefix + suffix) / 2 };
}

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

function best(candidates: Candidate[]): Candidate | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (!top || c.score > top.score) top = c;
  return top;
}

function fuzzyIn(sel: Selector, block: Block): Candidate[] {
  const maxErrors = Math.floor(sel.exact.length * REANCHOR.maxErrorRatio);
  if (maxErrors === 0) return [];
  return search(block.text, sel.exact, maxErrors).map((m) => scoreMatch(sel, block, m.start, m.end, m.errors));
}

/** Where to look when the annotated block is gone: its section's blocks, then its focus area's. */
export function neighbourBlocks(content: ContentLookup, blockId: string, sectionId: string | null): Block[] {
  let section = sectionId ? content.section(sectionId) : null;
  if (!section) {
    // Older records carry no section: derive it from the id scheme (c2.f3.po.1 → c2.f3.po).
    const parts = blockId.split('.');
    for (let n = parts.length - 1; n > 0 && !section; n--) section = content.section(parts.slice(0, n).join('.'));
  }
  if (!section) return [];
  let area = section;
  while (area.kind !== 'focus-area' && area.parentId) {
    const parent = content.section(area.parentId);
    if (!parent || parent.kind === 'part') break;
    area = parent;
  }
  const inArea = new Set<string>([area.id]);
  for (const s of content.allSections()) if (s.parentId && inArea.has(s.parentId)) inArea.add(s.id);
  const blocks = content.allBlocks();
  const own = blocks.filter((b) => b.sectionId === section.id);
  const rest = blocks.filter((b) => b.sectionId !== section.id && inArea.has(b.sectionId));
  return [...own, ...rest];
}

function moved(c: Candidate): AnchorResult {
  const exact = c.block.text.slice(c.start, c.end);
  return {
    anchor: 'reanchored',
    blockId: c.block.id,
    sectionId: c.block.sectionId,
    selector: { exact, start: c.start, end: c.end, ...contextAround(c.block.text, c.start, c.end) },
  };
}

/** Decides where one annotation belongs in the current content. Pure: reads the lookup only. */
export function anchorAnnotation(input: AnchorInput, content: ContentLookup): AnchorResult {
  const orphan: AnchorResult = { ...input, anchor: 'orphan' };
  const block = content.block(input.blockId);
  const kept = (b: Block): AnchorResult => ({
    ...input,
    sectionId: b.sectionId,
    anchor: input.anchor === 'reanchored' ? 'reanchored' : 'attached',
  });
  const sel = input.selector;
  if (!sel) return block ? kept(block) : orphan;

  if (block) {
    if (block.text.slice(sel.start, sel.end) === sel.exact) return kept(block);
    const exact = exactOccurrences(block.text, sel.exact).map((i) =>
      scoreMatch(sel, block, i, i + sel.exact.length, 0),
    );
    const top = best(exact);
    if (top) return moved(top);
    const fuzzy = best(fuzzyIn(sel, block));
    if (fuzzy && fuzzy.score >= REANCHOR.minScore) return moved(fuzzy);
    return orphan;
  }

  const elsewhere: Candidate[] = [];
  for (const b of neighbourBlocks(content, input.blockId, input.sectionId)) {
    for (const i of exactOccurrences(b.text, sel.exact)) elsewhere.push(scoreMatch(sel, b, i, i + sel.exact.length, 0));
    elsewhere.push(...fuzzyIn(sel, b));
  }
  const top = best(elsewhere.filter((c) => c.context >= REANCHOR.minContextElsewhere));
  return top && top.score >= REANCHOR.minScore ? moved(top) : orphan;
}

export interface ReanchorReport {
  checked: number;
  attached: number;
  reanchored: number;
  orphaned: number;
  /** Records whose anchor, block or offsets changed in this pass. */
  changed: number;
}

const sameSelector = (a: Selector | null, b: Selector | null): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    a.exact === b.exact &&
    a.start === b.start &&
    a.end === b.end &&
    a.prefix === b.prefix &&
    a.suffix === b.suffix);

/**
 * Re-anchors every annotation (live and in the trash) against `content`, then
 * records `buildId` as the build the user database is anchored to. One
 * transaction. `modified` is left alone: re-anchoring is not a user's edit, and
 * import's "newer wins" rule must not see it as one.
 */
export function reanchorAll(db: UserDb, content: ContentLookup, buildId: string): ReanchorReport {
  const annotations = new AnnotationRepo(db);
  const meta = new MetaRepo(db);
  const report: ReanchorReport = { checked: 0, attached: 0, reanchored: 0, orphaned: 0, changed: 0 };
  db.transaction(() => {
    for (const rec of annotations.listAll()) {
      const result = anchorAnnotation(rec, content);
      report.checked++;
      if (result.anchor === 'attached') report.attached++;
      else if (result.anchor === 'reanchored') report.reanchored++;
      else report.orphaned++;
      if (
        result.anchor !== rec.anchor ||
        result.blockId !== rec.blockId ||
        result.sectionId !== rec.sectionId ||
        !sameSelector(result.selector, rec.selector)
      ) {
        annotations.put({ ...rec, ...result });
        report.changed++;
      }
    }
    meta.set(META_CONTENT_BUILD, buildId);
  }).immediate(); // reads every annotation then writes: take the write lock first
  return report;
}

/** A fingerprint of the content as annotations see it (block ids and texts): a change triggers a pass. */
export function contentFingerprint(content: ContentLookup): string {
  const hash = nodeCrypto().createHash('sha256');
  for (const b of content.allBlocks()) hash.update(`${b.id}\u0000${b.text}\u0001`);
  return hash.digest('hex');
}
