/**
 * "Jump to": turns a typed id or citation label into a place in the document
 * ("2.2" → Cluster 2 focus area 2, "c2.f2.po.1", "2.2 PO 1", "Cluster 2 (3),
 * Policy option 1", "footnote 54", "III(2)", "I ¶3").
 *
 * Constraint: only answers when the target exists, and never guesses between
 * two places: the rules are tried in a fixed order (exact id, the grammar
 * below, then an exact citation label) and the first existing target wins.
 */
import type { JumpTarget } from '../../shared/contract/types';
import type { Block, Section } from '../../shared/model';
import { parseIdentifier } from './identifiers';
import { fold } from './spelling';

/** What the jump resolver needs from the content. */
export interface JumpContent {
  block(id: string): Block | null;
  section(id: string): Section | null;
  allBlocks(): readonly Block[];
  allSections(): readonly Section[];
  /** Page and block where footnote `n` is cited, or null when there is no such footnote. */
  footnoteHome(n: number): { pageId: string; blockId: string | null } | null;
  pageOf(sectionId: string): string;
  /** Blocks and footnotes (`fn.N`) carrying a cross-reference, in reading order; empty when none. */
  referencing(type: 'sdg' | 'sutherland' | 'pfp', key: string): readonly string[];
}

const GROUP_WORDS: ReadonlyArray<[RegExp, 'po' | 'pa' | 'ex']> = [
  [/^(po|policy options?)$/, 'po'],
  [/^(pa|practical actions?|options? for practical action)$/, 'pa'],
  [/^(ex|examples?|policy and practice examples?)$/, 'ex'],
];

const FOOTNOTE_RE = /^(?:fn|footnote|note)\s*\.?\s*(?:no\.?\s*)?(\d{1,4})$/;
const FOCUS_RE =
  /^(?:cluster\s*|c)?([1-9])\s*(?:\.|\()\s*([1-9])\s*\)?(?:\s*,?\s*([a-z][a-z ]*?)\s*\.?\s*(\d+(?:\.\d+)?))?$/;
const CLUSTER_RE = /^cluster\s*([1-9])$/;
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const PART_RE = /^(part\s+)?(i|ii|iii|iv|[1-4])\s*(?:\(\s*([1-9])\s*\)|\.\s*([1-9]))?$/;

/** Canonical form of a label for exact matching: "Part I, para. 3" and "part i para 3" meet. */
export function canonicalLabel(s: string): string {
  return fold(s)
    .replace(/¶/g, ' para ')
    .replace(/\bparagraph\b/g, 'para')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export class JumpResolver {
  private readonly labels = new Map<string, string>();

  constructor(private readonly content: JumpContent) {
    // Sections first, then blocks in reading order: the first owner of a label keeps it.
    for (const s of content.allSections()) this.addLabel(s.label, s.id);
    for (const b of content.allBlocks()) {
      this.addLabel(b.label, b.id);
      this.addLabel(b.shortLabel, b.id);
    }
  }

  private addLabel(label: string, id: string): void {
    const key = canonicalLabel(label);
    if (key !== '' && !this.labels.has(key)) this.labels.set(key, id);
  }

  resolve(raw: string): JumpTarget | null {
    const ident = parseIdentifier(raw);
    const q = fold(raw).trim().replace(/\s+/g, ' ');
    if (q === '' || q.length > 200) return null;
    if (ident?.type === 'link') return this.byId(ident.id);
    if (ident?.type === 'pfp') return this.pfp(ident.id);
    if (q.length > 80) return null;
    const place = this.byId(q) ?? this.byGrammar(q) ?? this.byId(this.labels.get(canonicalLabel(q)) ?? '');
    // "5.2" is focus area 5.2 before it is SDG target 5.2 (the search still finds the target).
    if (place || !ident) return place;
    return ident.type === 'sdg'
      ? this.reference('sdg', ident.key, `SDG target ${ident.code}`)
      : this.reference('sutherland', ident.key, `Sutherland Report, Recommendation ${ident.key}`);
  }

  /** A Platform for Partnerships number: the footnote that links to it, where it is cited. */
  private pfp(id: number): JumpTarget | null {
    const fn = this.content.referencing('pfp', String(id)).find((s) => s.startsWith('fn.'));
    if (!fn) return null;
    const n = Number(fn.slice(3));
    const home = this.content.footnoteHome(n);
    return home ? { ...home, label: `PfP ${id} — Footnote ${n}`, footnote: n } : null;
  }

  /** An SDG target or a Sutherland recommendation: the first passage that refers to it. */
  private reference(type: 'sdg' | 'sutherland', key: string, what: string): JumpTarget | null {
    const sources = this.content.referencing(type, key);
    const first = sources[0];
    if (first === undefined) return null;
    const target = this.byId(first);
    if (!target) return null;
    const more = sources.length > 1 ? ` (first of ${sources.length} passages)` : '';
    return { ...target, label: `${what}: ${target.label}${more}` };
  }

  private byId(id: string): JumpTarget | null {
    if (id === '') return null;
    const m = /^fn\.(\d+)$/.exec(id);
    if (m) return this.footnote(Number(m[1]));
    const b = this.content.block(id);
    if (b) return { pageId: this.content.pageOf(b.sectionId), blockId: b.id, label: b.label };
    const s = this.content.section(id);
    if (s) return { pageId: this.content.pageOf(s.id), blockId: null, label: s.label };
    return null;
  }

  private footnote(n: number): JumpTarget | null {
    const home = this.content.footnoteHome(n);
    return home ? { ...home, label: `Footnote ${n}`, footnote: n } : null;
  }

  private byGrammar(q: string): JumpTarget | null {
    let m = FOOTNOTE_RE.exec(q);
    if (m) return this.footnote(Number(m[1]));
    m = CLUSTER_RE.exec(q);
    if (m) return this.byId(`c${m[1]}`);
    m = FOCUS_RE.exec(q);
    if (m) {
      const area = `c${m[1]}.f${m[2]}`;
      if (m[3] === undefined) return this.byId(area);
      const group = GROUP_WORDS.find(([re]) => re.test(m?.[3] ?? ''))?.[1];
      return group ? this.byId(`${area}.${group}.${m[4]}`) : null;
    }
    m = PART_RE.exec(q);
    if (m) {
      const numeral = m[2];
      const part = ROMAN[numeral] ?? Number(numeral);
      const sub = m[3] ?? m[4];
      // A bare "i" or "1" is a word or a number, not a request to jump.
      if (!m[1] && sub === undefined && (numeral === 'i' || /^\d$/.test(numeral))) return null;
      return this.byId(sub ? `p${part}.s${sub}` : `p${part}`);
    }
    return null;
  }
}
