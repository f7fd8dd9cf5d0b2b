/**
 * The corpus parser: source text of the Thematic Recollection → DocumentModel.
 *
 * Pipeline: regions (front / table of contents / body) → line classification (clean.ts,
 * classify.ts) → body items and footnote blocks, page breaks re-joined (paragraphs.ts) →
 * sections and block ids (structure.ts) → markup, footnote markers, whitespace per block
 * (markup.ts, markers.ts) → footnotes (footnotes.ts) → cross-references (crossrefs.ts).
 *
 * Constraint kept: pure — takes the text, returns plain data; no I/O. Throws when the
 * source no longer has the shape the rules were written for, rather than guessing.
 */
import type { Block, DocumentModel, Footnote } from '../../../shared/model';
import { classifyLines } from './classify';
import { findRegions } from './clean';
import { blockRefs, dedupe, footnoteRefs } from './crossrefs';
import { buildFootnotes } from './footnotes';
import { blockLabels } from './labels';
import { extractMarkers, type MarkerState, type PlainMarker } from './markers';
import { parseMarkup } from './markup';
import { groupBody } from './paragraphs';
import { assertQuirksApplied, LOST_DASH_BULLET_PREFIXES, ORPHAN_CITATION_LINES } from './quirks';
import { normaliseWhitespace } from './rich-text';
import { buildStructure, type BlockDraft } from './structure';

export interface ParseDiagnostics {
  /** Footnote markers read from plain digits (not superscripts), in reading order. */
  plainMarkers: PlainMarker[];
  /** Named structural rules applied, one entry per application. */
  rulesApplied: string[];
}

function toBlocks(drafts: readonly BlockDraft[], plainMarkers: PlainMarker[]): Block[] {
  const state: MarkerState = { lastRef: 0 };
  return drafts.map((d, i) => {
    const rt = normaliseWhitespace(extractMarkers(parseMarkup(d.raw), state, plainMarkers));
    return {
      id: d.id,
      sectionId: d.sectionId,
      parentId: d.parentId,
      kind: d.kind,
      seq: i + 1,
      text: rt.text,
      marks: rt.marks,
      footnoteRefs: rt.refs,
      ...blockLabels(d.id),
    };
  });
}

/** Say in an inferred/missing footnote's note where the body cites it (or that it does not). */
function withCitingBlocks(footnotes: Footnote[], blocks: readonly Block[]): Footnote[] {
  return footnotes.map((fn) => {
    if (fn.status === 'present') return fn;
    const citing = blocks.filter((b) => b.footnoteRefs.some((r) => r.number === fn.number)).map((b) => b.id);
    const where =
      citing.length > 0 ? ` The body cites it in ${citing.join(', ')}.` : ' No marker for it survives in the body.';
    return { ...fn, note: `${fn.note ?? ''}${where}` };
  });
}

function splitFront(front: readonly string[]): DocumentModel['meta'] {
  const [first = '', second = '', third = ''] = front;
  const [title, prepared = ''] = first.split(/ (?=prepared by )/);
  const [place = '', date = ''] = third.split(/,\s*/);
  return { title, subtitle: `${prepared} ${second}`.trim(), place, date };
}

export function parseWithDiagnostics(text: string): { model: DocumentModel; diagnostics: ParseDiagnostics } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { tocStart, bodyStart } = findRegions(lines);
  const front = lines
    .slice(0, tocStart)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const events = classifyLines(lines, bodyStart);
  const { items, blocks: footnoteBlocks } = groupBody(events);
  const { sections, drafts, rulesApplied } = buildStructure(front, items);

  // Every document-specific quirk must have matched exactly once (quirks.ts).
  const citations = events.flatMap((e) => (e.type === 'footnote' && e.line.kind === 'citation' ? [e.line.quirk] : []));
  assertQuirksApplied(
    [
      ...ORPHAN_CITATION_LINES.map((q) => q.name),
      ...LOST_DASH_BULLET_PREFIXES.map((p) => `lost-dash-bullet:${p}`),
      'quotation-after-intro',
    ],
    [...citations, ...rulesApplied],
  );

  const plainMarkers: PlainMarker[] = [];
  const blocks = toBlocks(drafts, plainMarkers);
  const footnotes = withCitingBlocks(buildFootnotes(footnoteBlocks), blocks);
  const fromFootnotes = footnoteRefs(footnotes);
  const crossRefs = dedupe([...blockRefs(blocks, fromFootnotes), ...fromFootnotes]);

  return {
    model: { meta: splitFront(front), sections, blocks, footnotes, crossRefs },
    diagnostics: { plainMarkers, rulesApplied },
  };
}

/** Parse the source text of the Thematic Recollection into the document model. */
export function parseRecollection(text: string): DocumentModel {
  return parseWithDiagnostics(text).model;
}
