/**
 * Citation text, in the exact form delegates paste into statements (deep
 * links, which exported briefs link back with, are in shared/vocabulary/links.ts).
 *
 * Constraint: the citation format is fixed by the brief (tests compare it
 * character for character): “<text>” (GFMD Thematic Recollection 2007–2017, <label>).
 */
export const CITED_WORK = 'GFMD Thematic Recollection 2007–2017';

export function citation(text: string, label: string): string {
  return `“${text}” (${CITED_WORK}, ${label})`;
}
