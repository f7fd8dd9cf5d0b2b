/**
 * The search overlay (Ctrl/Cmd+K, Ctrl/Cmd+F): results on every keystroke,
 * filter chips (cluster, kind), "Go to <label>" when the query is a label or
 * id, suggestions when empty, "did you mean" when nothing matches, an honest
 * notice when no passage has every word (and what each hit matched), the
 * thesaurus words also searched (switchable off), and "Show more" up to the
 * last hit. Arrow keys and Enter open a result.
 *
 * Constraint: no debounce, but every answer carries its request number and
 * older answers are dropped, so the list always matches what is typed.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { JumpTarget, SearchHit, SearchKind, SearchResult } from '../../shared/contract/types';
import { CLUSTER_NUMBERS, MY_NOTES, SEARCH_KINDS } from '../../shared/contract/values';
import { api } from '../api';
import { useDialogFocus } from '../hooks/useDialogFocus';
import { SEARCH_KIND } from '../lib/labels';
import { latestAnswer } from '../lib/latest';
import { useStore } from '../lib/store';
import { layers } from '../state/layers';
import { navigate } from '../state/nav';
import { settings, updateSettings } from '../state/settings';
import { closeOverlays } from '../state/ui';
import { ComboInput } from './ComboInput';
import { HitLayer, LayerChips } from './SearchLayers';
import { SearchNotices } from './SearchNotices';
import { privateShown } from './Private';
import { RecentPlaces } from './RecentPlaces';
import { Snippet } from './Snippet';

const EXAMPLES = ['labour mobility', 'remittances', 'fair recruitment', '10.7', 'diaspora', '2.2'];
/** Hits per request; "Show more" asks for the next page. */
const PAGE = 30;

type Entry = { type: 'jump'; target: JumpTarget } | { type: 'hit'; hit: SearchHit };

/** Opens a place; a footnote also opens the footnotes pane and scrolls to it there. */
function openPlace(place: { pageId: string; blockId: string | null; terms?: string[] }, footnote?: number): void {
  closeOverlays();
  if (footnote !== undefined) {
    const panes = settings.get().panes;
    updateSettings({ panes: { ...panes, side: true, sideTab: 'footnotes' } });
  }
  void navigate(place).then(() => {
    if (footnote !== undefined) document.getElementById(`fn-${footnote}`)?.scrollIntoView({ block: 'center' });
  });
}

export function openHit(hit: SearchHit): void {
  const fn = hit.kind === 'footnote' ? Number(hit.id.replace(/^fn\./, '')) : undefined;
  openPlace({ pageId: hit.pageId, blockId: hit.blockId, terms: hit.terms }, fn);
}

/** The last query, offered again (selected) when the overlay reopens. */
let lastQuery = '';

export function SearchOverlay(): ReactNode {
  const filters = useStore(settings, (s) => s.searchFilters);
  const expand = useStore(settings, (s) => s.searchExpand);
  const [q, setQ] = useState(lastQuery);
  const [answer, setResult] = useState<SearchResult | null>(null);
  const [more, setMore] = useState<SearchHit[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [failure, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [searches] = useState(latestAnswer);
  const layerList = useStore(layers, (x) => x.list);
  // Whose notes are searched: the choice kept in settings (`searchLayers`), like the other filters;
  // until chosen, mine and the visible layers. A layer removed since is left out.
  const chosen = useStore(settings, (s) => s.searchLayers);
  const whose = chosen
    ? chosen.filter((w) => w === MY_NOTES || layerList.some((l) => l.id === w))
    : [MY_NOTES, ...layerList.filter((l) => l.visible).map((l) => l.id)];
  const whoseKey = whose.join(',');
  // In presentation mode no layer is named, counted or searched.
  const shownLayers = privateShown() ? layerList : [];
  /** The request's arguments but the query and the page: filters, notes (and whose), thesaurus. */
  const options = {
    limit: PAGE,
    includeNotes: privateShown(),
    expand,
    ...(filters.clusters.length ? { clusters: filters.clusters } : {}),
    ...(filters.kinds.length ? { kinds: filters.kinds } : {}),
    ...(shownLayers.length ? { layers: whose } : {}),
  };
  /** The check of the query on screen: "Show more" appends only while it is still current. */
  const currentQuery = useRef<() => boolean>(() => false);
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog, closeOverlays);

  useEffect(() => {
    const current = searches.next();
    currentQuery.current = current;
    lastQuery = q;
    const query = q.trim();
    if (!query) return;
    void Promise.all([api.search.query({ ...options, q: query }), api.search.suggest({ q: query, limit: 5 })]).then(
      ([res, sug]) => {
        if (!current()) return;
        if (res.ok) {
          setResult(res.value);
          setMore([]);
          setError(null);
        } else setError(res.error.message);
        setSuggestions(sug.ok ? sug.value.filter((s) => s.toLowerCase() !== query.toLowerCase()) : []);
        setActive(0);
      },
    );
    // `options` is rebuilt on each render; filters, expand and whose stand for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, filters, expand, searches, whoseKey]);

  /** The next page of the same query, appended (the request number drops it if the query changed meanwhile). */
  const showMore = (): void => {
    if (!answer) return;
    const current = currentQuery.current;
    const offset = answer.hits.length + more.length;
    setLoadingMore(true);
    void api.search.query({ ...options, q: answer.query, offset }).then((res) => {
      setLoadingMore(false);
      if (!current()) return;
      if (res.ok) setMore((m) => [...m, ...res.value.hits]);
      else setError(res.error.message);
    });
  };

  // Answers for an earlier query stay until the new one arrives; an empty box shows none.
  const result = q.trim() ? answer : null;
  const error = q.trim() ? failure : null;
  const hits = result ? [...result.hits, ...more] : [];
  const entries: Entry[] = [
    ...(result?.jump ? [{ type: 'jump' as const, target: result.jump }] : []),
    ...hits.map((hit) => ({ type: 'hit' as const, hit })),
  ];
  const open = (e: Entry): void => {
    if (e.type === 'jump') openPlace({ pageId: e.target.pageId, blockId: e.target.blockId }, e.target.footnote);
    else openHit(e.hit);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(entries.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && entries[active]) open(entries[active]);
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    document.getElementById(`sr-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const toggleCluster = (n: number): void =>
    updateSettings({
      searchFilters: {
        ...filters,
        clusters: filters.clusters.includes(n)
          ? filters.clusters.filter((c) => c !== n)
          : [...filters.clusters, n].sort(),
      },
    });
  const toggleKind = (k: SearchKind): void =>
    updateSettings({
      searchFilters: {
        ...filters,
        kinds: filters.kinds.includes(k) ? filters.kinds.filter((x) => x !== k) : [...filters.kinds, k],
      },
    });

  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeOverlays()}>
      <div
        ref={dialog}
        className="search-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Search the document and your notes"
      >
        <ComboInput
          role="search"
          icon="⌕"
          label="Search"
          listId="search-results"
          activeId={entries.length ? `sr-${active}` : null}
          placeholder="Search, or type a label such as 2.2 or c2.f2.po.1"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={onKey}
        />
        <div className="chips" role="group" aria-label="Filter by cluster">
          <span className="chips-label" aria-hidden="true">
            Cluster
          </span>
          {CLUSTER_NUMBERS.map((n) => (
            <button
              key={n}
              type="button"
              className="chip"
              aria-pressed={filters.clusters.includes(n)}
              aria-label={`Cluster ${n}`}
              onClick={() => toggleCluster(n)}
            >
              {n}
            </button>
          ))}
        </div>
        <div className="chips" role="group" aria-label="Filter by kind">
          <span className="chips-label" aria-hidden="true">
            Kind
          </span>
          {SEARCH_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className="chip"
              aria-pressed={filters.kinds.includes(k)}
              onClick={() => toggleKind(k)}
            >
              {SEARCH_KIND[k]}
            </button>
          ))}
        </div>
        {shownLayers.length ? (
          <LayerChips layers={shownLayers} whose={whose} onChange={(next) => updateSettings({ searchLayers: next })} />
        ) : null}
        <div className="search-status" aria-live="polite">
          {error ? <span role="alert">Search failed: {error}</span> : null}
          {result && !error ? `${result.total} result${result.total === 1 ? '' : 's'}` : ''}
        </div>
        {!q.trim() ? (
          <div className="search-empty">
            <p>
              Search the whole recollection: policy options, practical actions, examples, footnotes and your own notes.
            </p>
            <RecentPlaces />
            <p className="muted">Try:</p>
            <ul className="suggestions">
              {EXAMPLES.map((s) => (
                <li key={s}>
                  <button type="button" className="chip" onClick={() => setQ(s)}>
                    {s}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {result && entries.length === 0 ? (
          <div className="search-empty" data-testid="no-results">
            <p>
              Nothing found for “{result.query}”
              {filters.clusters.length || filters.kinds.length ? ' with these filters' : ''}.
            </p>
            {result.didYouMean ? (
              <p>
                Did you mean{' '}
                <button type="button" className="link-button" onClick={() => setQ(result.didYouMean ?? '')}>
                  {result.didYouMean}
                </button>
                ?
              </p>
            ) : null}
          </div>
        ) : null}
        {result && !error ? (
          <SearchNotices result={result} expand={expand} onExpand={(v) => updateSettings({ searchExpand: v })} />
        ) : null}
        {result && entries.length > 0 && (result.didYouMean || suggestions.length) ? (
          <p className="search-hints">
            {result.didYouMean ? (
              <>
                Did you mean{' '}
                <button type="button" className="link-button" onClick={() => setQ(result.didYouMean ?? '')}>
                  {result.didYouMean}
                </button>
                ?{' '}
              </>
            ) : null}
            {suggestions.map((s) => (
              <button key={s} type="button" className="chip small" onClick={() => setQ(s)}>
                {s}
              </button>
            ))}
          </p>
        ) : null}
        <ul
          id="search-results"
          role="listbox"
          aria-label="Results"
          className="search-results"
          data-query={result?.query ?? ''}
        >
          {entries.map((e, i) => (
            <li
              key={e.type === 'jump' ? 'jump' : `${e.hit.kind}:${e.hit.id}`}
              id={`sr-${i}`}
              role="option"
              aria-selected={i === active}
              className={`search-result${i === active ? ' active' : ''}${e.type === 'jump' ? ' jump' : ''}`}
              onMouseMove={() => setActive(i)}
              onClick={() => open(e)}
            >
              {e.type === 'jump' ? (
                <span className="result-head">
                  <span className="result-label">Go to {e.target.label}</span>
                  <span className="result-kind">Enter</span>
                </span>
              ) : (
                <>
                  <span className="result-head">
                    <span className="result-label">{e.hit.label}</span>
                    <span className={`result-kind rk-${e.hit.kind}`}>{SEARCH_KIND[e.hit.kind]}</span>
                    {e.hit.kind === 'note' && shownLayers.length ? <HitLayer hit={e.hit} layers={shownLayers} /> : null}
                  </span>
                  <Snippet snippet={e.hit.snippet} />
                  {result && !result.allWords && e.hit.matched ? (
                    <span className="result-matched">Matches: {e.hit.matched.join(', ')}</span>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
        {result && result.total > hits.length ? (
          <p className="search-more muted small">
            Showing {hits.length} of {result.total}.{' '}
            <button type="button" className="link-button" onClick={showMore} disabled={loadingMore}>
              Show more
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
