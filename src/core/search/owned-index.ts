/**
 * The app's MiniSearch: a subclass that owns the loaded index through the
 * members MiniSearch declares `protected` (its index, field ids and lengths,
 * document ids, stored fields, options) and SearchableMap's public
 * constructor, so the packed index can be put back together without
 * `loadJSON` and the executor can read the postings it scores.
 *
 * Constraint: nothing here casts MiniSearch to reach a private field and
 * nothing probes at run time: a MiniSearch release that renames or retypes
 * one of these members fails the type check (`tsc`), not a user's search.
 * The instance is a MiniSearch in every respect (search, autoSuggest,
 * toJSON work unchanged).
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';

/** One term's postings: field id → short document id → term frequency. */
export type TermData = Map<number, Map<number, number>>;
/** MiniSearch's own SearchableMap of postings (the class its bundle uses, as its declarations type it). */
export type PostingsMap = MiniSearch['_index'];
/** A node of that map's radix tree (`SearchableMap#_tree`, a public member). */
export type RadixTree = PostingsMap['_tree'];
/** The key of a tree node's leaf (MiniSearch brands the empty string as its leaf key). */
type LeafOf<F> = F extends { (key: infer A): unknown; (key: string): unknown } ? A : never;
export type LeafKey = LeafOf<RadixTree['get']>;
/** The leaf key, typed as MiniSearch types it (the same brand its own code applies to ''). */
export const LEAF = '' as LeafKey;
/** MiniSearch's serialized form (the public `toJSON`). */
export type IndexJSON = ReturnType<MiniSearch['toJSON']>;

/** The loaded state of an index but its tree, in the form the packed index stores it. */
export interface LoadedState {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  documentIds: Array<[number, string]>;
  fieldLength: Array<[number, number[]]>;
  storedFields: Array<[number, Record<string, unknown>]>;
}

/** What the executor and the packer read of a loaded index (the protected members, not copies). */
export interface Internals {
  readonly index: PostingsMap;
  readonly fieldIds: Readonly<Record<string, number>>;
  readonly fieldLength: ReadonlyMap<number, number[]>;
  readonly avgFieldLength: readonly number[];
  readonly documentCount: number;
  readonly nextId: number;
  readonly dirtCount: number;
  readonly documentIds: ReadonlyMap<number, string>;
  readonly idToShortId: ReadonlyMap<string, number>;
  readonly storedFields: ReadonlyMap<number, Record<string, unknown> | undefined>;
  readonly options: {
    fields: string[];
    tokenize: (text: string, fieldName?: string) => string[];
    processTerm: (term: string, fieldName?: string) => string | string[] | null | undefined | false;
    searchOptions: SearchOptions & { weights: { fuzzy: number; prefix: number } };
  };
}

const numeric = <V>(o: Record<string, V>): Array<[number, V]> =>
  Object.entries(o).map(([k, v]) => [parseInt(k, 10), v]);

/** Anything that hands out the loaded index's members (an OwnedIndex of any document type). */
export interface HasInternals {
  internals(): Internals;
}

export class OwnedIndex<T> extends MiniSearch<T> implements HasInternals {
  /** An index with `state`, whose postings tree `tree` makes (see packed-index.ts). */
  static fromState<T>(options: Options<T>, state: LoadedState, tree: (empty: RadixTree) => RadixTree): OwnedIndex<T> {
    const ix = new OwnedIndex<T>(options);
    ix._documentCount = state.documentCount;
    ix._nextId = state.nextId;
    ix._dirtCount = state.dirtCount;
    ix._fieldIds = state.fieldIds;
    ix._avgFieldLength = state.averageFieldLength;
    ix._documentIds = new Map(state.documentIds);
    ix._fieldLength = new Map(state.fieldLength);
    ix._storedFields = new Map(state.storedFields);
    ix._idToShortId = new Map();
    for (const [short, id] of state.documentIds) ix._idToShortId.set(id, short);
    // The constructor made an empty SearchableMap; it gets the unpacked tree as its root.
    ix._index._tree = tree(ix._index._tree);
    return ix;
  }

  /**
   * The index `MiniSearch.loadJSON(JSON.stringify(json), options)` gives, field for field: terms
   * inserted in the serialized order, every key a number.
   */
  static fromJSON<T>(json: IndexJSON, options: Options<T>): OwnedIndex<T> {
    const documentIds = numeric(json.documentIds as Record<string, string>);
    const ix = OwnedIndex.fromState<T>(
      options,
      {
        documentCount: json.documentCount,
        nextId: json.nextId,
        dirtCount: json.dirtCount ?? 0,
        fieldIds: json.fieldIds,
        averageFieldLength: json.averageFieldLength,
        documentIds,
        fieldLength: numeric(json.fieldLength),
        storedFields: numeric(json.storedFields as Record<string, Record<string, unknown>>),
      },
      (empty) => empty,
    );
    for (const [term, data] of json.index) {
      const fields: TermData = new Map();
      for (const [field, docs] of numeric(data)) fields.set(field, new Map(numeric(docs)));
      ix._index.set(term, fields);
    }
    return ix;
  }

  internals(): Internals {
    return {
      index: this._index,
      fieldIds: this._fieldIds,
      fieldLength: this._fieldLength,
      avgFieldLength: this._avgFieldLength,
      documentCount: this._documentCount,
      nextId: this._nextId,
      dirtCount: this._dirtCount,
      documentIds: this._documentIds as ReadonlyMap<number, string>,
      idToShortId: this._idToShortId as ReadonlyMap<string, number>,
      storedFields: this._storedFields,
      options: this._options,
    };
  }
}
