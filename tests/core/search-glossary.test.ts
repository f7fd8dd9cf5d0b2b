/**
 * The trilingual migration glossary (resources/migration-glossary.json) and
 * French and Spanish queries on the real document: every entry names its
 * source and expands only to wording the document has; a French or Spanish
 * query finds the English passages and says what it also searched
 * ("remittances — transferts de fonds"); accents and elisions are folded and
 * inflections stemmed; correct French or Spanish is never "corrected" into
 * English; and an English query is not rewritten by the glossary.
 */
import { describe, expect, it } from 'vitest';
import { readThesaurus } from '../../src/core/content-build/ensure';
import { looksRomance, romanceTerms } from '../../src/core/search/romance';
import { normalizeTerm } from '../../src/core/search/spelling';
import { phraseTerms } from '../../src/core/search/thesaurus';
import { indexTokens } from '../../src/core/search/tokenize';
import { useRealSearch } from '../support/search';

const engine = useRealSearch();
const glossary = readThesaurus().glossary;

const top = (q: string, n = 3): string[] =>
  engine.search
    .query({ q, limit: n })
    .hits.slice(0, n)
    .map((h) => h.id);

describe('glossary data', () => {
  it('has French and Spanish for 100 notions, each with a known source', () => {
    expect(glossary).toBeDefined();
    const entries = glossary?.entries ?? [];
    expect(entries.length).toBeGreaterThanOrEqual(100);
    for (const e of entries) {
      expect(Object.keys(glossary?.sources ?? {})).toContain(e.source);
      expect(e.fr.length + e.es.length).toBeGreaterThan(0);
    }
  });

  it('expands only to wording the document has', () => {
    const texts = [...engine.store.allBlocks().map((b) => b.text), ...engine.store.allFootnotes().map((f) => f.text)];
    const lines = texts.map(
      (t) =>
        ` ${indexTokens(t)
          .map((w) => normalizeTerm(w))
          .filter((w): w is string => w !== null)
          .join(' ')} `,
    );
    const absent = (glossary?.entries ?? []).flatMap((e) =>
      e.en.filter((d) => {
        const needle = ` ${phraseTerms(d).join(' ')} `;
        return needle.trim() === '' || !lines.some((l) => l.includes(needle));
      }),
    );
    expect(absent).toEqual([]);
  });

  it('is stored with the thesaurus in the built content database', () => {
    expect(engine.store.searchThesaurus()?.glossary).toEqual(glossary);
  });
});

describe('French and Spanish words', () => {
  it('fold accents and elisions and meet across inflections', () => {
    expect(romanceTerms('fr', 'les travailleurs domestiques')).toEqual(romanceTerms('fr', 'Travailleur domestique'));
    expect(romanceTerms('fr', "l'intégration")).toEqual(romanceTerms('fr', 'integration'));
    expect(romanceTerms('es', 'las remesas')).toEqual(romanceTerms('es', 'Remesa'));
  });

  it('are recognised as French or Spanish, English is not', () => {
    expect(looksRomance('enfants non accompagnés')).toBe(true);
    expect(looksRomance('trata de personas')).toBe(true);
    expect(looksRomance('remittance costs')).toBe(false);
    expect(looksRomance('labour inspection')).toBe(false);
  });
});

describe('French and Spanish queries', () => {
  it('"travailleurs domestiques" finds domestic work, says what it also searched, offers no English rewrite', () => {
    const r = engine.search.query({ q: 'travailleurs domestiques' });
    expect(r.total).toBeGreaterThan(0);
    expect(r.expanded).toContain('domestic workers, domestic work — travailleurs domestiques');
    expect(r.didYouMean).toBeNull();
    expect(top('travailleurs domestiques')).toEqual(expect.arrayContaining(['c2.f1.po.2']));
  });

  it('"les envois de fonds" and "remesas de los migrantes" find remittances', () => {
    for (const q of ['les envois de fonds', 'remesas de los migrantes']) {
      const r = engine.search.query({ q, limit: 3 });
      expect(
        r.expanded.some((e) => e.startsWith('remittances — ')),
        q,
      ).toBe(true);
      expect(
        r.hits.every((h) => /remittance/i.test(engine.store.block(h.id)?.text ?? '')),
        q,
      ).toBe(true);
    }
  });

  it('never rewrite correct French or Spanish into English', () => {
    for (const q of ['enfants non accompagnés', 'reconocimiento de títulos y competencias', 'bonos de la diáspora'])
      expect(engine.search.query({ q }).didYouMean, q).toBeNull();
  });

  it('leave English queries to the English thesaurus', () => {
    // Also while an English word is being typed ("dat" is also the Spanish stem of "datos").
    for (const q of ['data', 'remittance costs', 'visa', 'migrants', 'dat', 'social secu', 'pensio'])
      expect(
        engine.search.query({ q }).expanded.filter((e) => e.includes(' — ')),
        q,
      ).toEqual([]);
  });
});
