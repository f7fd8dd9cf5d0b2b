/**
 * Term normalisation for the search index: case and diacritics folding, stop
 * words, British → American spelling, and a light plural stemmer.
 *
 * Constraint: the SAME function runs when indexing and when querying, so a
 * British spelling in a query ("labour", "organisation", "programme") meets
 * the document's American one ("labor", "organization", "program"). Only
 * collisions between two real words would hurt, so every rule is narrow: an
 * explicit word list or a suffix rule with exceptions. Canonical forms are
 * the document's (American) spellings, since suggestions are built from them.
 */

/** Function words dropped from index and query, so "return and reintegration" needs only its two content words. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or of to in on at by for with from as is are be been was were that this these those ' +
    'it its their which into such than has have had'
  ) // kept: no, not, all (meaningful in this document)
    .split(' '),
);

// ---------------------------------------------------------------- British → American

/** -our words: "labour" → "labor" (also labourer, favourable, behavioural, neighbourhood). */
const OUR_STEMS = [
  'labour',
  'favour',
  'behaviour',
  'colour',
  'honour',
  'neighbour',
  'endeavour',
  'harbour',
  'humour',
  'rumour',
  'vigour',
  'rigour',
  'flavour',
  'odour',
  'valour',
  'vapour',
  'armour',
  'savour',
  'parlour',
  'clamour',
  'splendour',
];

/**
 * Words in -ise that are not British spellings of an -ize word: whole words,
 * plus endings no -ize word has ("otherwise", "surprise", "televise", "cruise").
 * Endings such as -rise, -mise, -cise or -tise are NOT safe (memorise,
 * minimise, criticise, prioritise), so those words are listed whole.
 */
const ISE_WORDS = new Set([
  'rise',
  'arise',
  'uprise',
  'sunrise',
  'advertise',
  'chastise',
  'circumcise',
  'compromise',
  'concise',
  'demise',
  'despise',
  'excise',
  'exercise',
  'expertise',
  'franchise',
  'incise',
  'merchandise',
  'paradise',
  'precise',
  'premise',
  'promise',
  'surmise',
  'treatise',
  'mortise',
  'valise',
  'chemise',
  'anise',
  'louise',
  'denise',
  'elise',
  'liaise',
]);
const ISE_SAFE_ENDINGS = ['wise', 'prise', 'vise', 'guise', 'uise', 'oise', 'raise'];

const ISE_RE = /^([a-z]{2,})is(e|ed|ing|ation|ational|er|able|ably|ability)$/;
const ISA_PARTIAL_RE = /^([a-z]{3,})is(a|at|ati|atio)$/;
const YSE_RE = /^([a-z]+)ys(e|ed|ing|er)$/;
const DOUBLE_L_RE =
  /^(travel|counsel|label|model|cancel|fuel|signal|channel|level|marshal|tunnel|equal|dial|total|jewel|quarrel|rival|funnel|pencil|shovel)l(ed|ing|er|or)$/;
const SINGLE_L_RE = /^(enrol|fulfil|instal|instil|distil|enthral)(ment)?$/;

/** Whole-word British spellings (after plural stripping). */
const WORDS: Readonly<Record<string, string>> = {
  programme: 'program',
  kilogramme: 'kilogram',
  centre: 'center',
  centred: 'centered',
  theatre: 'theater',
  fibre: 'fiber',
  litre: 'liter',
  metre: 'meter',
  kilometre: 'kilometer',
  calibre: 'caliber',
  sombre: 'somber',
  spectre: 'specter',
  lustre: 'luster',
  meagre: 'meager',
  manoeuvre: 'maneuver',
  defence: 'defense',
  licence: 'license',
  offence: 'offense',
  pretence: 'pretense',
  ageing: 'aging',
  judgement: 'judgment',
  acknowledgement: 'acknowledgment',
  practise: 'practice',
  practised: 'practiced',
  practising: 'practicing',
  grey: 'gray',
  sceptical: 'skeptical',
  amongst: 'among',
  paediatric: 'pediatric',
  foetus: 'fetus',
  skilful: 'skillful',
  wilful: 'willful',
  // -og: the document writes "dialogue" and "Catalog"; both spellings meet on -ogue.
  dialog: 'dialogue',
  catalog: 'catalogue',
  analog: 'analogue',
  prolog: 'prologue',
  monolog: 'monologue',
  epilog: 'epilogue',
};

/** British → American for one lower-case, letters-only word. */
export function americanize(word: string): string {
  const whole = WORDS[word];
  if (whole !== undefined) return whole;
  for (const stem of OUR_STEMS) {
    if (word.startsWith(stem)) return stem.slice(0, -2) + 'r' + word.slice(stem.length);
  }
  let m = ISE_RE.exec(word);
  if (m) {
    const base = m[1] + 'ise';
    if (!ISE_WORDS.has(base) && !ISE_SAFE_ENDINGS.some((e) => base.endsWith(e))) return `${m[1]}iz${m[2]}`;
  }
  // A British -isation word half typed ("organisa", "organisati") meets the -ization terms by prefix.
  m = ISA_PARTIAL_RE.exec(word);
  if (m) return `${m[1]}iz${m[2]}`;
  m = YSE_RE.exec(word);
  if (m) return `${m[1]}yz${m[2]}`;
  m = DOUBLE_L_RE.exec(word);
  if (m) return m[1] + m[2];
  m = SINGLE_L_RE.exec(word);
  if (m) return `${m[1]}l${m[2] ?? ''}`;
  if (word.endsWith('centre')) return word.slice(0, -6) + 'center';
  return word;
}

// ---------------------------------------------------------------- plural stemmer

const IRREGULAR: Readonly<Record<string, string>> = {
  women: 'woman',
  men: 'man',
  children: 'child',
  crises: 'crisis',
  analyses: 'analysis',
  series: 'series',
  species: 'species',
};

/**
 * Plural → singular, conservatively: "policies" → "policy", "approaches" →
 * "approach", "workers" → "worker", "SDGs" → "sdg"; "status", "crisis",
 * "business", "IRIS" are left alone.
 */
export function singular(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length < 4 || !word.endsWith('s')) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(sses|xes|ches|shes|zzes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

// ---------------------------------------------------------------- the term pipeline

const MARKS = /\p{M}+/gu;
const LETTERS_ONLY = /^[a-z]+$/;

/** Lower case and without diacritics: "Citoyenneté" → "citoyennete". */
export function fold(term: string): string {
  return term.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/**
 * The processTerm of the index and of every query: null drops the term.
 * Codes such as `10.7`, `10.c`, `1,000` pass through untouched.
 */
export function normalizeTerm(raw: string): string | null {
  let t = fold(raw);
  t = t.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (t === '' || STOP_WORDS.has(t)) return null;
  if (!LETTERS_ONLY.test(t)) return t;
  return americanize(singular(t));
}
