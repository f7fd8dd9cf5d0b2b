/**
 * Search over the user's own notes for the reader's search box: a small scored
 * word-prefix match over note text, tags, the quoted passage and bookmark
 * labels, answering SearchHit records of kind 'note' that the search service
 * can merge with its content hits.
 *
 * Constraint: the notes are private and few (thousands at most), so they are
 * scanned in memory on each query rather than kept in a second index that would
 * have to follow every edit; unattached notes are left out (nowhere to jump).
 */
import type { Annotation, Bookmark, SearchHit, Snippet } from '../../../shared/contract/types';
import type { ContentLookup } from '../../content/lookup';
import { foldWithMap, queryTerms, wordEnd, wordPrefixHits } from './text';

const WEIGHTS = { tags: 2, label: 1.5, note: 1, quote: 1 } as const;
type FieldName = keyof typeof WEIGHTS;
const SNIPPET_CHARS = 200;

interface Field {
  name: FieldName;
  text: string;
}

interface FieldHits {
  field: Field;
  /** Original-text [start, end) of each matched word. */
  spans: Array<[number, number]>;
  terms: Set<string>;
}

function matchField(field: Field, terms: string[]): FieldHits {
  const { text: folded, map } = foldWithMap(field.text);
  const spans: Array<[number, number]> = [];
  const matched = new Set<string>();
  for (const term of terms) {
    for (const i of wordPrefixHits(folded, term)) {
      const end = wordEnd(folded, i);
      spans.push([map[i], map[end]]);
      matched.add(term);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  return { field, spans, terms: matched };
}

function snippetOf(hits: FieldHits): Snippet {
  const text = hits.field.text;
  const first = hits.spans[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(SNIPPET_CHARS / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  const end = Math.min(text.length, start + SNIPPET_CHARS);
  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const highlights: Array<[number, number]> = hits.spans
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + lead.length, e - start + lead.length]);
  return { text: `${lead}${body}${end < text.length ? '…' : ''}`, highlights };
}

function scoreRecord(fields: Field[], terms: string[]): { score: number; best: FieldHits; words: string[] } | null {
  const all = fields.filter((f) => f.text).map((f) => matchField(f, terms));
  const covered = new Set<string>();
  for (const h of all) for (const t of h.terms) covered.add(t);
  if (covered.size < terms.length) return null; // every word of the query must occur somewhere
  let score = 0;
  for (const term of terms)
    score += Math.max(...all.filter((h) => h.terms.has(term)).map((h) => WEIGHTS[h.field.name]));
  const best = all
    .filter((h) => h.spans.length > 0)
    .sort((a, b) => b.terms.size - a.terms.size || WEIGHTS[b.field.name] - WEIGHTS[a.field.name])[0];
  const words = new Set<string>();
  for (const h of all) for (const [s, e] of h.spans) words.add(h.field.text.slice(s, e).toLocaleLowerCase('en'));
  return best ? { score, best, words: [...words] } : null;
}

export function searchNotes(
  q: string,
  annotations: readonly Annotation[],
  bookmarks: readonly Bookmark[],
  content: ContentLookup,
  limit = 50,
): SearchHit[] {
  const terms = queryTerms(q);
  if (terms.length === 0) return [];
  const hits: Array<SearchHit & { modified: string }> = [];
  const push = (id: string, blockId: string, modified: string, fields: Field[]): void => {
    const summary = content.summary(blockId);
    const pageId = content.location(blockId)?.pageId;
    if (!summary || !pageId) return;
    const scored = scoreRecord(fields, terms);
    if (!scored) return;
    hits.push({
      id,
      kind: 'note',
      label: summary.label,
      shortLabel: summary.shortLabel,
      pageId,
      blockId: content.block(blockId) ? blockId : null,
      score: scored.score,
      snippet: snippetOf(scored.best),
      terms: scored.words,
      modified,
    });
  };
  for (const a of annotations) {
    if (a.anchor === 'orphan') continue;
    push(a.id, a.blockId, a.modified, [
      { name: 'note', text: a.note },
      { name: 'tags', text: a.tags.join(', ') },
      { name: 'quote', text: a.selector?.exact ?? '' },
    ]);
  }
  for (const b of bookmarks) push(b.id, b.targetId, b.modified, [{ name: 'label', text: b.label }]);
  hits.sort((a, b) => b.score - a.score || b.modified.localeCompare(a.modified));
  return hits.slice(0, limit).map(({ modified: _m, ...hit }) => hit);
}
