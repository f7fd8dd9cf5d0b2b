/**
 * Countries, regions and organisations mentioned in a text, from the
 * gazetteer (gazetteer.ts): the "Countries & organisations" cross-references
 * (type `actor`) of every block and footnote, so IOM is found wherever the
 * text names it (by its abbreviation or its full name), footnotes included,
 * and only real entities are listed (not "Code of conduct").
 *
 * Constraint: whole words, case-sensitive, longest name first at a position
 * ("Guinea-Bissau" before "Guinea", "UN Women" before "UN"), and a name inside
 * a longer entity name is not also counted ("Migration and Development" in
 * "Global Forum on Migration and Development").
 */
import { GAZETTEER, type Entity } from './gazetteer';

interface Name {
  text: string;
  entity: Entity;
}

const NAMES: readonly Name[] = GAZETTEER.flatMap((entity) => entity.names.map((text) => ({ text, entity }))).sort(
  (a, b) => b.text.length - a.text.length,
);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${NAMES.map((n) => escape(n.text)).join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}])`,
  'gu',
);
const BY_TEXT = new Map(NAMES.map((n) => [n.text.replace(/’/g, "'"), n.entity]));

/** The entities a text names, each once, in order of first mention. */
export function entitiesIn(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const entity = BY_TEXT.get(m[0].replace(/’/g, "'"));
    if (entity && !out.includes(entity)) out.push(entity);
  }
  return out;
}
