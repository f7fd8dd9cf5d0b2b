/**
 * Text helpers every layer says alike: a title as the document's outline
 * prints it, and a text shortened at a word.
 *
 * Constraint: pure string functions (the renderer, the core and the command
 * line all use them), so the reader's outline and the exported briefs agree.
 */

/** "HUMAN RIGHTS OF ALL MIGRANTS" → "Human rights of all migrants"; mixed-case titles are kept. */
export function sentenceCase(title: string): string {
  const letters = title.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toUpperCase()) return title;
  const lower = title.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Shorten to about `max` characters at a word boundary. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max).trimEnd()}…`;
}

/** The first `count` words of a text, with an ellipsis when there were more. */
export function firstWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}
