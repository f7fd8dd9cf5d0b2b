/**
 * Search over the real document, as delegates search it: the expected block of
 * each query was chosen by reading the Thematic Recollection (the sentence it
 * quotes is given beside it), not by copying search output.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it, vi } from 'vitest';
import { useRealSearch } from '../support/search';
import { SearchService } from '../../src/core/search/service';
import { editDistance } from '../../src/core/search/similar';
import { normalizeTerm } from '../../src/core/search/spelling';

const engine = useRealSearch();

/** [query, expected block id, what the document says there] */
const QUERIES: ReadonlyArray<[string, string, string]> = [
  // Acronyms and names
  ['IRIS', 'c2.f2.ex.3', 'The International Recruitment Integrity System (IRIS), developed by IOM'],
  ['International Recruitment Integrity System', 'c2.f2.ex.3', 'IRIS'],
  ['MICIC guidelines', 'c5.f1.pa.2', 'refer to existing frameworks, including the MICIC Guidelines'],
  ['MiGOF', 'c3.f2.ex.1', 'The Migration Governance Framework (MiGOF), developed by IOM'],
  ['KNOMAD', 'c4.7', "The World Bank's global knowledge and policy hub on migration, KNOMAD"],
  ['GFRID', 'c4.f2.ex.2', 'The Global Forum on Remittances, Investment and Development (GFRID)'],
  ['ECOWAS passport', 'c3.f3.ex.2', 'ECOWAS has introduced the ECOWAS Passport'],
  ['Bali Process', 'c6.f2.ex.3', 'often referred to as the Bali Process'],
  ['Montevideo Consensus', 'c3.f3.ex.1', 'adopted the Montevideo Consensus on Population and Development'],
  ['envoidargent', 'c4.f2.ex.1', 'The website envoidargent.fr offers to compare remittances costs'],
  ['Citoyennete', 'c1.f2.ex.2', 'The program Citoyenneté: mitreden, mitgestalten, mitentscheiden'],
  ['Talent Catalog', 'c5.f1.ex.4', 'TBB launched an online "Talent Catalog"'],
  // SDG codes
  [
    'SDG 10.7 safe orderly regular migration',
    'c2.2',
    'SDG 10.7 calls for facilitating safe, orderly and regular migration',
  ],
  [
    '10.c remittances transaction costs',
    'c4.3',
    'SDG target 10.c on the reduction of transaction costs for remittances',
  ],
  [
    '16.9 legal identity birth registration',
    'c1.5',
    'SDG 16.9 obliges states to foster inclusion by equipping migrants with a proof of legal identity',
  ],
  ['10.7 governance framework', 'c3.f2.ex.1', 'an internationally agreed definition of SDG target 10.7'],
  // Multi-word policy language
  ['alternatives to detention', 'c1.f1.pa.4', 'work towards the development of alternatives to detention'],
  ['speedy justice complaint mechanisms', 'c1.f1.pa.3', 'access speedy justice and complaint mechanisms'],
  ['migrant health dialogues', 'c1.f2.pa.2', 'through establishing migrant health dialogues'],
  ['voting rights citizenship', 'c1.f2.po.1', 'voting, representation and citizenship rights'],
  ['skills passports', 'c2.f3.po.1', 'harmonize certification processes as seen in "skills passports."'],
  ['diaspora bonds', 'c4.f1.pa.2', 'by issuing diaspora bonds to fund development projects'],
  [
    'Philippines seafarers placement fees',
    'c2.f4.ex.2',
    'The Philippines seafarers are not required to pay placement fees',
  ],
  ['recruitment fees paid by employers', 'c2.f4.ex.3', 'recruitment fees are paid for by employers'],
  ['basic census questions', 'c3.f2.pa.1.1', '1) Ask basic census questions and make the data publicly available'],
  [
    'observatory reintegration longitudinal studies',
    'c3.f2.pa.5',
    'Establish an observatory … longitudinal or one-time studies',
  ],
  [
    'inter-ministerial working groups',
    'c3.f1.pa.1',
    'Establish inter-ministerial working groups to ensure policy coherence',
  ],
  [
    'pre-departure language vocational training',
    'c3.f4.pa.1',
    'the provision of pre-departure language and vocational training',
  ],
  ['Happy Return Program Korea', 'c3.f4.ex.3', 'The Happy Return Program by the Korean government'],
  [
    'humanitarian visa family reunification',
    'c5.f1.po.9',
    'i.e. humanitarian visa, family reunification, labor mobility schemes',
  ],
  [
    'push and pull factors',
    'c5.f2.ex.1',
    'the joint Eurostat-NIDI project aimed at studying the push and pull factors',
  ],
  ['Platform on Disaster Displacement', 'c5.f1.ex.3', 'the Platform on Disaster Displacement (PDD)'],
  [
    'crowdfunding trafficking victims Microsoft',
    'c6.f2.ex.1',
    '6Degree.org is a crowdfunding portal … IOM and Microsoft',
  ],
  [
    'National Rapporteur trafficking Netherlands',
    'c6.f3.ex.2',
    'The Netherlands established a National Rapporteur on Trafficking',
  ],
  [
    'Multidisciplinary Coordinating Group Cyprus',
    'c6.f1.ex.1',
    'Cyprus has established by law a Multidisciplinary Coordinating Group',
  ],
  ['Chatham house rule', 'p3.s1.6', 'The Chatham house rule proved once more to be a successful tool'],
  ['GFMD continued purpose Sutherland', 'p3.1', "The Sutherland Report comments on the GFMD's continued purpose"],
  [
    'mixed migration Global Compact on Refugees',
    'p4.6',
    'Mixed migration … interlinkages between the Global Compact on Refugees',
  ],
  ['money laundering remittances', 'c4.6', 'c) stop equating remittances with money-laundering.'],
  ['climate change displacement task force', 'c5.5', 'the establishment of a task force on displacement'],
  ['Todos Somos Migrantes', 'c1.f3.ex.1', 'the campaign Todos Somos Migrantes (We are all migrants)'],
  [
    'code of practice ethical recruitment healthcare',
    'c2.f2.ex.1',
    'The UK Code of Practice for the Ethical Recruitment of International Healthcare Professionals',
  ],
  ['one-stop-shop Moldova', 'c2.f1.ex.2', 'The JISBs operates like a "one-stop-shop" … rural areas of Moldova'],
  [
    'multistakeholder certification recruiters',
    'c2.f2.ex.3',
    'a voluntary multistakeholder certification system for labor recruiters',
  ],
  ['whole-of-government Moldova', 'c3.f1.ex.5', 'the-whole-of-Government approach on Migration and Diaspora (Moldova)'],
  // British spellings against the document's American ones
  ['labour mobility schemes', 'c5.f1.po.9', 'labor mobility schemes'],
  [
    'labour recruiters due diligence',
    'c2.f2.ex.3',
    'IRIS serves as a due diligence tool for the assessment of labor recruiters',
  ],
  ['seasonal worker programme', 'c2.f4.ex.3', 'The same is true of the Australian seasonal worker program'],
  [
    'BAMF migrant organisations',
    'c4.f1.ex.2',
    'the German Federal Office for Migration and Refugees (BAMF) has supported selected migrant organizations',
  ],
  ['migration counselling centres', 'c3.f4.ex.1', 'Reintegration scouts based at counseling centers'],
  [
    'organised crime protocol smuggling',
    'c6.2',
    'The United Nations Convention against Transnational Organized Crime, together with its Protocol',
  ],
  ['forced labour child soldiers', 'c6.4', 'eradicating forced labor … recruitment and use of child soldiers'],
  // Typos
  ['compare remitances costs', 'c4.f2.pa.1', 'Set up online portals to compare remittances costs'],
  [
    'xenofobia racial discrimination legislation',
    'c1.f3.po.4',
    'tackle xenophobia, adopt and implement legislation … combat racial discrimination',
  ],
  ['unacompanied children', 'c6.f3.pa.1', 'the specific needs of each group (e.g. unaccompanied children)'],
  ['diaspra bonds', 'c4.f1.pa.2', 'issuing diaspora bonds'],
  // Prefix while typing
  ['Sendai Frame', 'c5.6', 'The Sendai Framework for Disaster Risk Reduction (SFDRR)'],
  ['Nansen Initiative Protection Ag', 'c5.7', 'The 2015 Nansen Initiative Protection Agenda'],
];

describe('realistic delegate queries find the expected block in the top 3', () => {
  it('has at least 30 queries', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(QUERIES)('%s → %s', (q, expected) => {
    // The expected block exists: a renamed id must fail here, not silently pass.
    expect(engine.store.block(expected), `block ${expected}`).not.toBeNull();
    const top = engine.search.query({ q, limit: 3 }).hits.map((h) => h.id);
    expect(top, `${q}: top 3 were ${top.join(', ')}`).toContain(expected);
  });
});

describe('filters and paging on the real index', () => {
  it('keeps only the requested kinds', () => {
    const r = engine.search.query({ q: 'remittances', kinds: ['policy-option'], limit: 100 });
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.kind === 'policy-option')).toBe(true);
    // "Improve remittances data to foster effective policies and private-sector investment."
    expect(r.hits.map((h) => h.id)).toContain('c4.f2.po.4');
    const fns = engine.search.query({ q: 'Sutherland Report', kinds: ['footnote'], limit: 100 });
    expect(fns.total).toBeGreaterThan(5);
    for (const h of fns.hits) {
      expect(h.kind).toBe('footnote');
      const n = Number(h.id.replace(/^fn\./, ''));
      // A footnote opens where the body cites it; one whose marker was lost opens on the page around it.
      const citing = engine.store.citingBlocks(n);
      expect(h.blockId).toBe(citing[0]?.id ?? null);
      expect(engine.store.section(h.pageId)).not.toBeNull();
    }
  });

  it('keeps only the requested clusters and focus area', () => {
    const c4 = engine.search.query({ q: 'migrants', clusters: [4], limit: 100 });
    expect(c4.total).toBeGreaterThan(10);
    expect(c4.hits.every((h) => h.pageId === 'c4' || h.pageId.startsWith('c4.'))).toBe(true);
    const two = engine.search.query({ q: 'trafficking', clusters: [1, 6], limit: 100 });
    expect(two.hits.every((h) => /^c[16](\.|$)/.test(h.pageId))).toBe(true);
    const fa = engine.search.query({ q: 'remittances', focusAreaId: 'c4.f2', limit: 100 });
    expect(fa.total).toBeGreaterThan(5);
    expect(fa.hits.every((h) => h.pageId === 'c4.f2')).toBe(true);
    const practical = engine.search.query({
      q: 'remittances',
      focusAreaId: 'c4.f2',
      kinds: ['practical-action'],
      limit: 100,
    });
    expect(practical.hits.map((h) => h.id).every((id) => id.startsWith('c4.f2.pa.'))).toBe(true);
  });

  it('pages through every hit once, with a stable total', () => {
    const all = engine.search.query({ q: 'migration', limit: 100 });
    expect(all.total).toBeGreaterThan(100);
    const paged: string[] = [];
    for (let offset = 0; offset < 100; offset += 25) {
      const page = engine.search.query({ q: 'migration', offset, limit: 25 });
      expect(page.total).toBe(all.total);
      expect(page.offset).toBe(offset);
      paged.push(...page.hits.map((h) => h.id));
    }
    expect(paged).toEqual(all.hits.map((h) => h.id));
    expect(new Set(paged).size).toBe(paged.length);
    expect(engine.search.query({ q: 'migration', offset: all.total + 5 }).hits).toEqual([]);
  });
});

describe('snippets and matched terms', () => {
  const queries = [
    'labour mobility',
    'remitances',
    'IRIS',
    '10.7',
    'organisation',
    'whole-of-government',
    'unaccompanied child',
  ];

  it('highlight substrings that are the query’s words (as indexed)', () => {
    for (const q of queries) {
      const qTerms = q.split(/\s+/).map((w) => normalizeTerm(w.replace(/-/g, '')) ?? '');
      const r = engine.search.query({ q, limit: 20 });
      expect(r.hits.length, q).toBeGreaterThan(0);
      expect(r.hits[0].snippet.highlights.length, `${q}: top hit has no highlight`).toBeGreaterThan(0);
      for (const h of r.hits) {
        expect(h.snippet.text.length).toBeLessThanOrEqual(250);
        let prevEnd = -1;
        for (const [a, b] of h.snippet.highlights) {
          expect(a).toBeGreaterThan(prevEnd - 1);
          expect(b).toBeLessThanOrEqual(h.snippet.text.length);
          prevEnd = b;
          const word = h.snippet.text.slice(a, b);
          const t = normalizeTerm(word.replace(/[-‐‑]/g, '')) ?? '';
          // Exact, a completion of the last word, a compound holding it, or a fuzzy match.
          const close = qTerms.some((x) => t.includes(x) || (x.length >= 4 && editDistance(t, x, 2) <= 2));
          expect(close, `${q}: highlighted "${word}" in ${h.id}`).toBe(true);
        }
        // The snippet is a piece of the block's text (between ellipses).
        const source = h.id.startsWith('fn.')
          ? engine.store.footnote(Number(h.id.slice(3))).footnote.text
          : engine.store.block(h.id)?.text;
        expect(source).toContain(h.snippet.text.replace(/^…/, '').replace(/…$/, ''));
      }
    }
  });

  it('returns matched terms as written in the document', () => {
    const h = engine.search.query({ q: 'labour mobility', limit: 1 }).hits[0];
    const text = engine.store.block(h.id)?.text ?? '';
    expect(h.terms.length).toBeGreaterThan(0);
    for (const t of h.terms) expect(text).toContain(t);
    expect(h.terms.map((t) => t.toLowerCase())).toContain('labor');
  });
});

describe('jump to', () => {
  it('resolves ids, numbers and citation labels', () => {
    expect(engine.search.jump('2.2')).toMatchObject({ pageId: 'c2.f2', blockId: null });
    expect(engine.search.jump('c2.f2.po.1')).toMatchObject({ pageId: 'c2.f2', blockId: 'c2.f2.po.1' });
    expect(engine.search.jump('2.2 PO 1')).toMatchObject({ pageId: 'c2.f2', blockId: 'c2.f2.po.1' });
    expect(engine.search.jump('Cluster 2 (3), Policy option 1')).toMatchObject({
      pageId: 'c2.f3',
      blockId: 'c2.f3.po.1',
    });
    expect(engine.search.jump('3.2 PA 1.1')).toMatchObject({ pageId: 'c3.f2', blockId: 'c3.f2.pa.1.1' });
    expect(engine.search.jump('c2.f2')).toMatchObject({ pageId: 'c2.f2', blockId: null });
    expect(engine.search.jump('cluster 5')).toMatchObject({ pageId: 'c5' });
    expect(engine.search.jump('III(2)')).toMatchObject({ pageId: 'p3.s2' });
    expect(engine.search.jump('Part IV')).toMatchObject({ pageId: 'p4' });
    expect(engine.search.jump('I ¶3')).toMatchObject({ pageId: 'p1', blockId: 'p1.3' });
    // Footnote 54 is cited by the UK Code of Practice example.
    expect(engine.search.jump('footnote 54')).toEqual({
      pageId: 'c2.f2',
      blockId: 'c2.f2.ex.1',
      label: 'Footnote 54',
      footnote: 54,
    });
    expect(engine.search.jump('fn.54')).toEqual(engine.search.jump('footnote 54'));
  });

  it('answers null for what is not a place', () => {
    // 7.1 is neither a focus area nor an SDG target the document refers to; 10.7 is (see identifiers below).
    for (const q of [
      '7.1',
      '2.9',
      'c9.f1',
      'footnote 999',
      'labour mobility',
      'ppd 1',
      'recollection://block/c9.f9',
      '',
    ])
      expect(engine.search.jump(q), q).toBeNull();
  });

  it('is offered alongside the hits of a query', () => {
    const r = engine.search.query({ q: '5.2' });
    expect(r.jump).toMatchObject({ pageId: 'c5.f2' });
  });
});

describe('suggestions', () => {
  it('complete the last word with the document’s words', () => {
    expect(engine.search.suggest('remit')).toContain('remittances');
    expect(engine.search.suggest('labour mob')).toContain('labour mobility');
    expect(engine.search.suggest('MIC')).toContain('MICIC');
    for (const s of engine.search.suggest('circular migration sch'))
      expect(s.startsWith('circular migration sch')).toBe(true);
    expect(engine.search.suggest('xenoph', 3).length).toBeLessThanOrEqual(3);
    expect(engine.search.suggest('')).toEqual([]);
  });
});

describe('opening', () => {
  it('loads the stored index: nothing is re-indexed', () => {
    const add = vi.spyOn(MiniSearch.prototype, 'add');
    const addAll = vi.spyOn(MiniSearch.prototype, 'addAll');
    const addAllAsync = vi.spyOn(MiniSearch.prototype, 'addAllAsync');
    const fresh = new SearchService(engine.store);
    expect(fresh.query({ q: 'IRIS', limit: 1 }).hits[0].id).toBe('c2.f2.ex.3');
    expect(add).not.toHaveBeenCalled();
    expect(addAll).not.toHaveBeenCalled();
    expect(addAllAsync).not.toHaveBeenCalled();
    // Blocks and footnotes with text are documents of the loaded index: their own opening words find them.
    const sample = [
      ...engine.store.allBlocks().filter((_, i) => i % 20 === 0),
      // (a footnote that is only a link has no words of its own to be found by)
      ...engine.store.allFootnotes().filter((f, i) => /^[A-Za-z]{2,} /.test(f.text) && i % 10 === 0),
    ];
    expect(sample.filter((d) => d.id.startsWith('fn.')).length).toBeGreaterThan(3);
    for (const doc of sample) {
      const words = doc.text.split(/\s+/).slice(0, 8).join(' ');
      expect(
        fresh.query({ q: words, limit: 50 }).hits.map((h) => h.id),
        doc.id,
      ).toContain(doc.id);
    }
    vi.restoreAllMocks();
  });
});
