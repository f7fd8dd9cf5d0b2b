/**
 * Cross-references readers look for: SDG goals/targets, Sutherland Report recommendations,
 * Platform for Partnerships ids and the countries, regions and organisations every block and
 * footnote names (the gazetteer, entities.ts).
 *
 * Constraint kept: a number becomes an SDG reference only in an SDG context (after "SDG(s)",
 * "target(s)", "Goal(s)", in a list continuing such a phrase, or as a parenthesised target in
 * a sentence that names an SDG); a recommendation becomes a Sutherland reference only in a
 * footnote that cites the Sutherland Report (directly or through "Ibid."). Years, paragraph
 * numbers, ILO instrument numbers and footnote numbers are never taken.
 */
import type { Block, CrossRef, Footnote } from '../../../shared/model';
import { entitiesIn } from './entities';

const NUM = String.raw`\d{1,2}(?:\.(?:\d{1,2}|[a-z]))?(?:\.\d{1,2})?(?![\d])`;
const SDG_PHRASE = new RegExp(
  String.raw`\b(?:SDGs?|[Tt]argets?|[Gg]oals?)\s+(?:(?:target|indicator)s?\s+)?(${NUM}(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)${NUM})*)`,
  'g',
);
const PAREN_TARGET = /\((\d{1,2}\.(?:\d{1,2}|[a-z]))\)/g;

type Draft = Omit<CrossRef, 'sourceId' | 'via'>;

/**
 * SDG key: a goal ("13"), a target ("10.7", "10.c"); an indicator ("10.7.1") is keyed by its
 * target so it is found with the target. Goals outside 1–17 are not SDGs.
 */
function sdgRef(num: string): Draft | undefined {
  const [goal, target] = num.split('.');
  if (Number(goal) < 1 || Number(goal) > 17) return undefined;
  if (target === undefined) return { type: 'sdg', key: goal, display: `SDG ${goal}` };
  const key = `${goal}.${target}`;
  return { type: 'sdg', key, display: `SDG target ${key}` };
}

/** Sentences, so that a parenthesised "(17.18)" is read in the context of its own sentence only. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/);
}

export function sdgRefs(text: string): Draft[] {
  const out: Draft[] = [];
  for (const s of sentences(text)) {
    let inContext = false;
    for (const m of s.matchAll(SDG_PHRASE)) {
      inContext = true;
      for (const n of m[1].split(/\s*,\s*|\s+and\s+|\s+or\s+/)) {
        const r = sdgRef(n);
        if (r) out.push(r);
      }
    }
    // List-continuation rule: "SDG 17 focuses on … (17.14), … (17.16) and … (17.17)".
    if (inContext || /\bSDGs?\b/.test(s)) {
      for (const m of s.matchAll(PAREN_TARGET)) {
        const r = sdgRef(m[1]);
        if (r) out.push(r);
      }
    }
  }
  return out;
}

/** "Recommendation 12(a)", "Recommendations 5 and 6", "para. 23 and Recommendation 6". */
export function recommendationKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(
    /\bRecommendations?\s+(\d+(?:\([a-z]\))?(?:(?:\s*,\s*|\s+and\s+)\d+(?:\([a-z]\))?)*)/g,
  )) {
    keys.push(...m[1].split(/\s*,\s*|\s+and\s+/));
  }
  return keys;
}

/** The work a footnote cites, as far as "Ibid." resolution needs to know. */
type CitedWork = 'sutherland' | 'other' | 'unknown';

/**
 * Ibid rule: "Ibid." refers to the work cited by the previous footnote (in numbering order);
 * only when that work is the Sutherland Report are its recommendations Sutherland references.
 */
export function footnoteRefs(footnotes: readonly Footnote[]): CrossRef[] {
  const out: CrossRef[] = [];
  let lastWork: CitedWork = 'unknown';
  for (const fn of footnotes) {
    const text = fn.text;
    const work: CitedWork =
      fn.status === 'missing'
        ? 'unknown'
        : /^Ibid\b/.test(text)
          ? lastWork
          : /Sutherland Report/.test(text)
            ? 'sutherland'
            : 'other';
    lastWork = work;
    const sourceId = fn.id;
    for (const d of sdgRefs(text)) out.push({ sourceId, via: 'text', ...d });
    if (work === 'sutherland') {
      for (const key of recommendationKeys(text))
        out.push({ sourceId, via: 'text', type: 'sutherland', key, display: `Recommendation ${key}` });
    }
    for (const id of fn.pfpIds) out.push({ sourceId, via: 'text', type: 'pfp', key: String(id), display: `PfP ${id}` });
    out.push(...actorRefs(sourceId, text));
  }
  return out;
}

/** Countries, regions and organisations named in a text (the gazetteer), as `actor` references. */
export function actorRefs(sourceId: string, text: string): CrossRef[] {
  return entitiesIn(text).map((e) => ({ sourceId, via: 'text', type: 'actor', key: e.key, display: e.display }));
}

export function blockRefs(blocks: readonly Block[], fromFootnotes: readonly CrossRef[]): CrossRef[] {
  const byFootnote = new Map<string, CrossRef[]>();
  for (const r of fromFootnotes) byFootnote.set(r.sourceId, [...(byFootnote.get(r.sourceId) ?? []), r]);
  const out: CrossRef[] = [];
  for (const b of blocks) {
    const sourceId = b.id;
    for (const d of sdgRefs(b.text)) out.push({ sourceId, via: 'text', ...d });
    out.push(...actorRefs(sourceId, b.text));
    // Inheritance rule: a block citing a footnote inherits its Sutherland and PfP references.
    for (const ref of b.footnoteRefs) {
      for (const r of byFootnote.get(`fn.${ref.number}`) ?? []) {
        if (r.type === 'sutherland' || r.type === 'pfp') out.push({ ...r, sourceId, via: 'footnote' });
      }
    }
  }
  return out;
}

/** Keep the first of each (sourceId, type, key): text references come before inherited ones. */
export function dedupe(refs: readonly CrossRef[]): CrossRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.sourceId}\u0000${r.type}\u0000${r.key}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
