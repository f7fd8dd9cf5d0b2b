/** Small text helpers for display. */

// Shared with the exported briefs, so the outline and a brief print titles alike.
export { clip, sentenceCase } from '../../shared/vocabulary/text';

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 note", "2 notes": a count with its noun (English plural in -s). */
export function countOf(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
