/**
 * The migration thesaurus (resources/thesaurus.json) against the real
 * document: it is big enough, every entry names its source, and every
 * document wording it expands to really occurs in the document (as consecutive
 * processed terms of one block or footnote), so an expansion can never send a
 * delegate to words the text does not have.
 */
import { describe, expect, it } from 'vitest';
import { useRealSearch } from '../support/search';
import { readThesaurus } from '../../src/core/content-build/ensure';
import { normalizeTerm } from '../../src/core/search/spelling';
import { phraseTerms } from '../../src/core/search/thesaurus';
import { indexTokens } from '../../src/core/search/tokenize';

const engine = useRealSearch();

const data = readThesaurus();

function documentTermLines(): string[] {
  const texts = [...engine.store.allBlocks().map((b) => b.text), ...engine.store.allFootnotes().map((f) => f.text)];
  return texts.map(
    (t) =>
      ` ${indexTokens(t)
        .map((w) => normalizeTerm(w))
        .filter((w): w is string => w !== null)
        .join(' ')} `,
  );
}

describe('thesaurus data', () => {
  it('has at least 150 entries, each with a known source', () => {
    expect(data.entries.length).toBeGreaterThanOrEqual(150);
    for (const e of data.entries) expect(Object.keys(data.sources)).toContain(e.source);
  });

  it('expands only to wording the document has', () => {
    const lines = documentTermLines();
    const absent = data.entries.flatMap((e) =>
      e.document.filter((d) => {
        const needle = ` ${phraseTerms(d).join(' ')} `;
        return needle.trim() === '' || !lines.some((l) => l.includes(needle));
      }),
    );
    expect([...new Set(absent)]).toEqual([]);
  });

  it('is what the built content database holds', () => {
    expect(engine.store.searchThesaurus()).toEqual(data);
  });
});

describe('expansion in search', () => {
  it('finds the document wording for a word it lacks, and says what it also searched', () => {
    const r = engine.search.query({ q: 'deportation' });
    expect(r.total).toBeGreaterThan(0);
    expect(r.expanded).toEqual(expect.arrayContaining(['return', 'readmission']));
    expect(r.didYouMean).toBeNull();
  });

  it('can be switched off', () => {
    const r = engine.search.query({ q: 'deportation', expand: false });
    expect(r.total).toBe(0);
    expect(r.expanded).toEqual([]);
  });

  it("ranks the user's own words above the expansion", () => {
    // "seasonal workers" is in the text (New Zealand RSE, Guatemala–Canada); circular migration is only an expansion.
    const r = engine.search.query({ q: 'seasonal workers', limit: 5 });
    const top = r.hits[0];
    expect(top.terms.map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['seasonal']));
  });
});
