/**
 * The fixed query set of the latency runs: what a delegate types into the
 * search box — single words, phrases, acronyms, SDG and convention codes,
 * typos, and British spellings of the document's American words — and every
 * prefix of each, keystroke by keystroke, since the overlay searches on every
 * keystroke without debounce.
 *
 * Constraint: fixed and versioned with the code, so two runs (or two
 * machines) measure the same work; written from the document's subjects, not
 * from search output. Some queries find nothing on purpose ("brain drain"):
 * an empty answer costs time too.
 */

export type QueryKind = 'word' | 'phrase' | 'acronym' | 'code' | 'typo' | 'spelling';

export interface BenchQuery {
  q: string;
  kind: QueryKind;
}

const list = (kind: QueryKind, qs: string[]): BenchQuery[] => qs.map((q) => ({ q, kind }));

export const LATENCY_QUERIES: readonly BenchQuery[] = [
  ...list('word', [
    'migrants',
    'remittances',
    'trafficking',
    'smuggling',
    'diaspora',
    'reintegration',
    'xenophobia',
    'detention',
    'recruitment',
    'portability',
    'climate',
    'disasters',
    'resilience',
    'integration',
    'citizenship',
    'children',
    'women',
    'data',
    'partnerships',
    'coherence',
    'readmission',
    'refugees',
    'slavery',
    'identification',
    'visa',
    'entrepreneurs',
    'healthcare',
    'seafarers',
    'census',
    'accountability',
  ]),
  ...list('phrase', [
    'decent work',
    'labor mobility',
    'fair recruitment',
    'ethical recruitment',
    'circular migration',
    'return and reintegration',
    'social security agreements',
    'portability of earned benefits',
    'skills recognition',
    'recognition of foreign qualifications',
    'financial literacy',
    'remittance costs',
    'diaspora bonds',
    'human rights of migrants',
    'alternatives to detention',
    'migrants in vulnerable situations',
    'climate change displacement',
    'disaster risk reduction',
    'root causes of forced migration',
    'whole-of-government approach',
    'multi-stakeholder partnerships',
    'policy coherence',
    'migration data collection',
    'regular pathways',
    'humanitarian visa',
    'access to justice',
    'public perceptions of migrants',
    'private sector engagement',
    'global compact on migration',
    'regional consultative processes',
    'trade unions',
    'money transfer operators',
    'criminal networks smuggling',
    'unaccompanied children',
    'victims of trafficking',
    'consular protection',
    'informal work',
    'platform for partnerships',
    'follow-up and review',
    'brain drain',
  ]),
  ...list('acronym', [
    'IOM',
    'ILO',
    'UNHCR',
    'GCM',
    'GFMD',
    'AAAA',
    'HLPF',
    'KNOMAD',
    'IFAD',
    'MICIC',
    'IRIS',
    'ECOWAS',
    'AAPTIP',
    'UNFCCC',
    'SFDRR',
    'JMDI',
    'BAMF',
    'MiGOF',
    'RCPs',
    'ICMPD',
    'TBB',
    'CSOs',
    'UNWomen',
  ]),
  ...list('code', [
    '10.7',
    'SDG 10.7',
    '10.7.1',
    '10.c',
    'SDG 10.c',
    '8.8',
    'SDG 8.7',
    '16.9',
    '16.2',
    '17.18',
    'SDG 13',
    '3.c',
    '4.b',
    '5.2',
    'Convention No. 97',
    '1951 Geneva Convention',
    '2030 Agenda',
    'A/71/728',
  ]),
  ...list('typo', [
    'migrnts',
    'remitances',
    'trafficing',
    'reintegation',
    'xenophobya',
    'diaspra',
    'recruitement',
    'portabilty',
    'goverance',
    'vulnerabel',
    'clmate change',
    'huamn rights',
    'asylum seekrs',
    'labor mobilty',
  ]),
  ...list('spelling', [
    'labour mobility',
    'labour migration',
    'organisation',
    'organisations',
    'programme',
    'programmes',
    'recognise qualifications',
    'centre',
    'harmonise',
    'criminalisation',
    'mobilisation',
    'behaviour',
    'favourable',
    'licence',
    'prioritise',
    'judgement',
    'enrolment',
    'analyse data',
  ]),
];

/**
 * What the box holds after each keystroke while typing `q`, before the last
 * one ("l", "la", "lab", …, "labour m", …): trailing spaces trimmed (the
 * overlay trims) and repeats dropped, so "labour " is not searched twice.
 */
export function keystrokePrefixes(q: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < q.length; i++) {
    const p = q.slice(0, i).trim();
    if (p !== '' && p !== out[out.length - 1] && p !== q.trim()) out.push(p);
  }
  return out;
}

/** Every prefix of every query, in typing order. */
export function allKeystrokes(queries: readonly BenchQuery[]): BenchQuery[] {
  return queries.flatMap(({ q, kind }) => keystrokePrefixes(q).map((p) => ({ q: p, kind })));
}
