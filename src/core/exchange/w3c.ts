/**
 * JSON export as a W3C Web Annotation collection (JSON-LD): the backup and
 * transfer format, readable by other annotation tools, read back by import.ts.
 *
 * Constraint: standard terms wherever the Web Annotation model has one
 * (motivation, TextualBody with purpose, TextQuote/TextPosition selectors);
 * app-only fields live under the `rec:` prefix, an identifier that is never
 * fetched. With notes left out the file is a shareable brief, not a backup.
 * A target with nothing but its source is written as the IRI itself: the
 * model's "Specific Resource" needs a selector (or purpose, state...), and
 * `{ "source": … }` alone is no recognised target (test suite MUST 3.2).
 */
import { nodeCrypto } from '../base/builtins';
import { CoreError } from '../../shared/contract/result';
import type { Annotation, Bookmark, BlockSummary } from '../../shared/contract/types';
import { blockLink } from '../../shared/vocabulary/links';
import { eachOf, part, runSteps, type Steps } from './progress';
import type { ExportEntry, ExportOptions } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Namespace of the app's own fields (see docs/export-import.md). */
export const REC_NS = 'https://recollection.app/ns#';
/** Raised when a field's meaning changes, so an importer can tell old files apart. */
/** 2: positions belong to options (`rec:positions`); each annotation still shows its option's position. */
export const FORMAT_VERSION = 2;

export type Motivation = 'bookmarking' | 'commenting' | 'highlighting' | 'tagging' | 'assessing';

export interface W3cTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'assessing' | 'describing';
  format?: 'text/markdown' | 'text/plain';
}

export interface W3cTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface W3cTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: Motivation | Motivation[];
  created: string;
  modified: string;
  body?: W3cTextualBody[];
  /** The block's IRI, or a Specific Resource when a passage is selected. */
  target: string | { source: string; selector: [W3cTextQuoteSelector, W3cTextPositionSelector] };
  'rec:blockId': string;
  'rec:label'?: string;
  'rec:color'?: string;
  'rec:priority'?: string;
  'rec:anchor'?: string;
}

export interface W3cCollection {
  '@context': [typeof ANNO_CONTEXT, { rec: typeof REC_NS }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generator: { type: 'Software'; name: string };
  generated: string;
  'rec:formatVersion': number;
  'rec:contentBuildId': string;
  'rec:includesNotes': boolean;
  /** Who made the file: the installation's stable author id and the name set in Settings. */
  'rec:author'?: { id: string; name: string };
  /** The position of each option the notes are on (format 2). */
  'rec:positions': Array<{ target: string; position: string | null; priority: string | null; modified: string }>;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

const one = <T>(list: T[]): T | T[] => (list.length === 1 ? list[0] : list);

function bookmarkToW3c(b: Bookmark, target: BlockSummary | null, includeNotes: boolean): W3cAnnotation {
  const label = b.label.trim();
  return {
    id: `urn:uuid:${b.id}`,
    type: 'Annotation',
    motivation: 'bookmarking',
    created: b.created,
    modified: b.modified,
    ...(includeNotes && label !== ''
      ? {
          body: [
            {
              type: 'TextualBody' as const,
              value: b.label,
              purpose: 'describing' as const,
              format: 'text/plain' as const,
            },
          ],
        }
      : {}),
    target: blockLink(b.targetId),
    'rec:blockId': b.targetId,
    ...(target ? { 'rec:label': target.label } : {}),
  };
}

function annotationToW3c(a: Annotation, target: BlockSummary | null, includeNotes: boolean): W3cAnnotation {
  const note = includeNotes ? a.note : '';
  const tags = includeNotes ? a.tags : [];
  const motivation: Motivation[] = [];
  const body: W3cTextualBody[] = [];
  if (note.trim() !== '') {
    motivation.push('commenting');
    body.push({ type: 'TextualBody', value: note, purpose: 'commenting', format: 'text/markdown' });
  }
  if (tags.length) {
    motivation.push('tagging');
    for (const tag of tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  }
  if (a.position) {
    motivation.push('assessing');
    body.push({ type: 'TextualBody', value: a.position, purpose: 'assessing' });
  }
  // Nothing said about it: the user only marked the text.
  if (!motivation.length) motivation.push('highlighting');
  const s = a.selector;
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: one(motivation),
    created: a.created,
    modified: a.modified,
    ...(body.length ? { body } : {}),
    target: s
      ? {
          source: blockLink(a.blockId),
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: s.exact,
              ...(s.prefix ? { prefix: s.prefix } : {}),
              ...(s.suffix ? { suffix: s.suffix } : {}),
            },
            { type: 'TextPositionSelector', start: s.start, end: s.end },
          ],
        }
      : blockLink(a.blockId),
    'rec:blockId': a.blockId,
    ...(target ? { 'rec:label': target.label } : {}),
    ...(a.color ? { 'rec:color': a.color } : {}),
    ...(a.priority ? { 'rec:priority': a.priority } : {}),
    'rec:anchor': a.anchor,
  };
}

export function entryToW3c(entry: ExportEntry, includeNotes: boolean, index: number): W3cAnnotation {
  if (entry.type === 'bookmark') {
    if (!entry.bookmark)
      throw new CoreError('INVALID_ARGUMENT', `export entry ${index}: a bookmark entry without its bookmark`);
    return bookmarkToW3c(entry.bookmark, entry.target, includeNotes);
  }
  if (!entry.annotation)
    throw new CoreError('INVALID_ARGUMENT', `export entry ${index}: an annotation entry without its annotation`);
  return annotationToW3c(entry.annotation, entry.target, includeNotes);
}

export function buildW3cCollection(entries: readonly ExportEntry[], options: ExportOptions): W3cCollection {
  return runSteps(collectionSteps(entries, options));
}

/** buildW3cCollection in steps, one an entry (progress.ts). */
function* collectionSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<W3cCollection> {
  const items: W3cAnnotation[] = [];
  yield* eachOf(entries, (e, i) => void items.push(entryToW3c(e, options.includeNotes, i)));
  return {
    '@context': [ANNO_CONTEXT, { rec: REC_NS }],
    id: `urn:uuid:${nodeCrypto().randomUUID()}`,
    type: 'AnnotationCollection',
    label: `Notes: ${options.documentTitle}`,
    generator: { type: 'Software', name: 'Recollection' },
    generated: options.generated,
    'rec:formatVersion': FORMAT_VERSION,
    'rec:contentBuildId': options.contentBuildId,
    'rec:includesNotes': options.includeNotes,
    ...(options.author ? { 'rec:author': { id: options.author.id, name: options.author.name } } : {}),
    'rec:positions': (options.positions ?? []).map((p) => ({
      target: blockLink(p.targetId),
      position: p.position,
      priority: p.priority,
      modified: p.modified,
    })),
    total: items.length,
    first: { id: `urn:uuid:${nodeCrypto().randomUUID()}`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function exportW3c(entries: readonly ExportEntry[], options: ExportOptions): string {
  return runSteps(w3cExportSteps(entries, options));
}

/** exportW3c in steps: the annotations, then the text in one piece (progress.ts). */
export function* w3cExportSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<string> {
  const collection = yield* part(collectionSteps(entries, options), 0, 0.9);
  return `${JSON.stringify(collection, null, 2)}\n`;
}
