/**
 * The yardsticks the app's search is measured against, over the same
 * documents: SQLite FTS5 (what a plain SQLite app would ship), a plain
 * scan with `includes` over pre-lowercased texts (the floor: no index, no
 * ranking, no processing), and MiniSearch with default options (relevance only).
 *
 * Constraint: each baseline answers the same question as the app — a ranked
 * first page of 20 with a snippet and the total — and follows the app's rule
 * of words combined with AND, then OR when AND finds nothing, so the times
 * compare like with like. FTS5 is configured as a competent SQLite app would
 * configure it: `unicode61 remove_diacritics 2`, with or without `porter`
 * stemming, prefix indexes for 2 and 3 characters, bm25() with the app's
 * field weights, snippet() on the text column, and the last word of the query
 * as a prefix (`"word"*`) since it is the one being typed.
 */
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import type { IndexDoc } from '../../src/core/search/options';
import { FIELD_BOOST } from '../../src/core/search/options';

export interface BaselineHit {
  id: string;
  snippet: string;
  score: number;
}

export interface BaselineResult {
  total: number;
  hits: BaselineHit[];
}

export const PAGE = 20;

/** Words and codes of a query as FTS5 phrases: `10.7` stays one quoted phrase, quotes are dropped. */
export function ftsTerms(q: string): string[] {
  return (q.match(/[\p{L}\p{N}]+(?:[.'’,/-][\p{L}\p{N}]+)*/gu) ?? []).map((t) => `"${t.replace(/"/g, '')}"`);
}

/** The MATCH expression: every term, the last one as a prefix, joined with AND (implicit) or OR. */
export function ftsQuery(q: string, combine: 'AND' | 'OR'): string | null {
  const terms = ftsTerms(q);
  if (terms.length === 0) return null;
  terms[terms.length - 1] += '*';
  return terms.join(combine === 'AND' ? ' ' : ' OR ');
}

interface FtsRow {
  id: string;
  snippet: string;
  score: number;
}

export class Fts5Search {
  readonly tokenizer: string;
  private readonly db: Database.Database;
  private readonly page: Database.Statement<[string, number], FtsRow>;
  private readonly count: Database.Statement<[string], { n: number }>;

  constructor(docs: readonly IndexDoc[], options: { porter: boolean }) {
    this.tokenizer = `${options.porter ? 'porter ' : ''}unicode61 remove_diacritics 2`;
    this.db = new Database(':memory:');
    this.db.exec(
      `CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, title, label, kind, tokenize = '${this.tokenizer}', prefix = '2 3')`,
    );
    const insert = this.db.prepare('INSERT INTO docs (id, text, title, label, kind) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const d of docs) insert.run(d.id, d.text, d.title, d.label, d.kind);
    })();
    const w = FIELD_BOOST;
    this.page = this.db.prepare<[string, number], FtsRow>(
      `SELECT id, snippet(docs, 1, '[', ']', '…', 40) AS snippet,
              bm25(docs, 0, ${w.text}, ${w.title}, ${w.label}, ${w.kind}) AS score
         FROM docs WHERE docs MATCH ? ORDER BY score LIMIT ?`,
    );
    // The total is a second statement: FTS5's auxiliary functions cannot run under a window function.
    this.count = this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM docs WHERE docs MATCH ?');
  }

  query(q: string, limit = PAGE): BaselineResult {
    for (const combine of ['AND', 'OR'] as const) {
      const match = ftsQuery(q, combine);
      if (match === null) return { total: 0, hits: [] };
      const rows = this.page.all(match, limit);
      if (rows.length > 0 || combine === 'OR') {
        const total = rows.length < limit ? rows.length : (this.count.get(match)?.n ?? rows.length);
        return { total, hits: rows.map((r) => ({ id: r.id, snippet: r.snippet, score: -r.score })) };
      }
    }
    return { total: 0, hits: [] };
  }

  close(): void {
    this.db.close();
  }
}

/** The floor: every document whose lower-cased text holds every typed word, in reading order. */
export class ScanSearch {
  private readonly ids: string[];
  private readonly texts: string[];
  private readonly lower: string[];

  constructor(docs: readonly IndexDoc[]) {
    this.ids = docs.map((d) => d.id);
    this.texts = docs.map((d) => d.text);
    this.lower = docs.map((d) => d.text.toLowerCase());
  }

  query(q: string, limit = PAGE): BaselineResult {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return { total: 0, hits: [] };
    const hits: BaselineHit[] = [];
    let total = 0;
    for (let i = 0; i < this.lower.length; i++) {
      const text = this.lower[i];
      if (!words.every((w) => text.includes(w))) continue;
      total++;
      if (hits.length < limit) {
        // A comparable snippet: ~240 characters around the first match.
        const at = text.indexOf(words[0]);
        const start = Math.max(0, at - 60);
        hits.push({ id: this.ids[i], snippet: this.texts[i].slice(start, start + 240), score: 0 });
      }
    }
    return { total, hits };
  }
}

/**
 * MiniSearch with its default options over the same fields (no boosts, OR,
 * no prefix, no fuzzy, its own tokenizer which keeps URLs' parts): what a
 * developer gets by adding the library and nothing else.
 */
export class MiniSearchDefaults {
  private readonly index = new MiniSearch<IndexDoc>({ fields: ['text', 'title', 'label', 'kind'] });

  constructor(docs: readonly IndexDoc[]) {
    this.index.addAll(docs);
  }

  query(q: string, limit = PAGE): BaselineResult {
    const results = this.index.search(q);
    return {
      total: results.length,
      hits: results.slice(0, limit).map((r) => ({ id: String(r.id), snippet: '', score: r.score })),
    };
  }
}
