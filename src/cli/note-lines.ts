/**
 * Notes as the command line prints them: positions, priorities and colours
 * in words (the labels the app and the briefs use; --json keeps the codes),
 * the note as plain text (its Markdown read, not shown with asterisks).
 *
 * Constraint: loaded only by the commands that print notes, so a search or a
 * show does not load the Markdown reader (start-up time, docs/cli.md).
 */
import type { Annotation, NoteEntry } from '../shared/contract/types';
import { notePlainText } from '../shared/markdown/note';
import { COLOR_LABELS, POSITION_LABELS, PRIORITY_LABELS } from '../shared/vocabulary/labels';
import { bookmarkLine, wrap } from './format';

function annotationFacts(a: Annotation): string {
  const facts = [
    a.position && POSITION_LABELS[a.position].label,
    a.priority && `${PRIORITY_LABELS[a.priority]} priority`,
    a.color && COLOR_LABELS[a.color],
    ...a.tags.map((t) => `#${t}`),
  ];
  if (a.anchor === 'reanchored') facts.push('moved');
  if (a.anchor === 'orphan') facts.push('unattached');
  return facts.filter(Boolean).join(' · ');
}

/** "note <uuid>  Cluster 2 (2), Policy option 1 (c2.f2.po.1)  Support · High priority", the quote, the note. */
export function annotationLines(a: Annotation, where?: string): string[] {
  const facts = annotationFacts(a);
  const lines = [`note ${a.id}  ${where ?? a.blockId}${facts ? `  ${facts}` : ''}`];
  if (a.selector) lines.push(...wrap(`“${a.selector.exact}”`, '    '));
  if (a.note.trim()) lines.push(...wrap(notePlainText(a.note), '    '));
  return lines;
}

/** The notes' lines one at a time, for any number of entries (the CLI streams them). */
export function* noteLineStream(entries: readonly NoteEntry[]): Generator<string> {
  if (!entries.length) yield 'No notes or bookmarks match.';
  for (const entry of entries) {
    const where = entry.target ? `${entry.target.label} (${entry.target.id})` : 'unattached';
    if (entry.bookmark) yield bookmarkLine(entry.bookmark, entry.target?.label);
    else if (entry.annotation) yield* annotationLines(entry.annotation, where);
  }
}

/** "Support with amendments, High priority": a position set on its own. */
export function positionWords(
  p: { position: Annotation['position']; priority: Annotation['priority'] } | null,
): string {
  if (!p) return 'none';
  const words = [
    p.position && POSITION_LABELS[p.position].label,
    p.priority && `${PRIORITY_LABELS[p.priority]} priority`,
  ];
  return words.filter(Boolean).join(', ') || 'none';
}
