/**
 * Synthetic corpora N times the size of the document, for the scale run:
 * copy 0 is the real document; every other copy is the document's structure
 * with its text varied by word substitution from the document's own
 * vocabulary (drawn by frequency, with a seeded PRNG) and a few new
 * misspelled words, so the index grows like a real corpus (more postings per
 * term AND a growing vocabulary) instead of repeating the same documents.
 *
 * Constraint: deterministic (same seed, same corpus) and a sound model (ids,
 * parents, footnote references and seqs unique and valid), so it goes through
 * the real content build unchanged. Inline marks are dropped on the copies
 * (their offsets would not survive the substitution); they are not searched.
 */
import type { Block, DocumentModel, Footnote, Section } from '../../src/shared/model';
import { seededRandom } from './stats';

/** Share of words replaced by a word drawn from the document's vocabulary. */
const SUBSTITUTE = 0.3;
/** Share of words replaced by a new word (a vocabulary word with one letter changed). */
const INVENT = 0.02;
const WORD = /\p{L}{3,}/gu;
const URLISH = /^(?:https?:\/\/|www\.)/i;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function documentWords(model: DocumentModel): string[] {
  const words: string[] = [];
  for (const b of model.blocks) for (const m of b.text.matchAll(WORD)) words.push(m[0].toLowerCase());
  return words;
}

function varier(words: readonly string[], rnd: () => number): (text: string) => string {
  const pick = (): string => words[Math.floor(rnd() * words.length)];
  const invent = (): string => {
    const w = pick();
    const i = Math.floor(rnd() * w.length);
    return w.slice(0, i) + LETTERS[Math.floor(rnd() * LETTERS.length)] + w.slice(i + 1);
  };
  const replaceWord = (w: string): string => {
    const r = rnd();
    if (r >= SUBSTITUTE + INVENT) return w;
    const next = r < INVENT ? invent() : pick();
    return w[0] === w[0].toUpperCase() ? next[0].toUpperCase() + next.slice(1) : next;
  };
  return (text) =>
    text
      .split(/(\s+)/)
      .map((chunk) => (URLISH.test(chunk) ? chunk : chunk.replace(WORD, replaceWord)))
      .join('');
}

/** The document `copies` times over (copies ≥ 1; 1 returns the document itself). */
export function syntheticModel(base: DocumentModel, copies: number, seed = 2017): DocumentModel {
  const rnd = seededRandom(seed);
  const vary = varier(documentWords(base), rnd);
  const seqStride = Math.max(0, ...base.blocks.map((b) => b.seq)) + 1;
  const fnStride = 10 ** String(Math.max(0, ...base.footnotes.map((f) => f.number))).length;
  const sections: Section[] = [...base.sections];
  const blocks: Block[] = [...base.blocks];
  const footnotes: Footnote[] = [...base.footnotes];
  for (let k = 1; k < copies; k++) {
    const id = (x: string): string => `x${k}.${x}`;
    for (const s of base.sections) {
      sections.push({
        ...s,
        id: id(s.id),
        parentId: s.parentId === null ? null : id(s.parentId),
        title: vary(s.title),
      });
    }
    for (const b of base.blocks) {
      const text = vary(b.text);
      blocks.push({
        ...b,
        id: id(b.id),
        sectionId: id(b.sectionId),
        parentId: b.parentId === null ? null : id(b.parentId),
        seq: b.seq + k * seqStride,
        text,
        marks: [],
        footnoteRefs: b.footnoteRefs.map((r) => ({
          offset: Math.min(r.offset, text.length),
          number: r.number + k * fnStride,
        })),
      });
    }
    for (const f of base.footnotes) {
      const number = f.number + k * fnStride;
      footnotes.push({ ...f, number, id: `fn.${number}`, text: vary(f.text), marks: [] });
    }
  }
  return { meta: base.meta, sections, blocks, footnotes, crossRefs: base.crossRefs };
}
