/**
 * The positions matrix, a page of its own in place of the reading pane: every
 * policy option and practical action of the chosen clusters with its label,
 * text (first line; the whole text on demand), position, priority, number of
 * notes and last change; filtered and sorted by each; positions and priorities
 * edited from the keyboard; coverage per cluster and focus area.
 *
 * Constraint: one component mounted from one place (Shell), so the whole view
 * can be hidden at once (presentation mode hides every private mark). Edits
 * save once per commit (StanceListbox), never per arrow key.
 */
import { useState, type ReactNode } from 'react';
import type { PositionRow } from '../../shared/contract/types';
import { POSITIONS, PRIORITIES } from '../../shared/contract/types';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { POSITION_LABELS as POSITION, PRIORITY_LABELS as PRIORITY } from '../../shared/vocabulary/labels';
import { useStore } from '../lib/store';
import { differs } from '../lib/layer-view';
import { clip, sentenceCase } from '../lib/text';
import { adopt } from '../state/layers';
import { nav, navigate } from '../state/nav';
import { notes, setPosition } from '../state/notes';
import { closeMatrix } from '../state/ui';
import { LayerPositionCell } from './LayerPositionCell';
import { MatrixCoverage } from './MatrixCoverage';
import { PositionHistory } from './PositionHistory';
import { StanceListbox } from './StanceListbox';
import { POSITION_CHOICES, PRIORITY_CHOICES } from './StanceOptions';

type SortKey = 'label' | 'text' | 'position' | 'priority' | 'notes' | 'modified';
const COLUMNS: ReadonlyArray<{ key: SortKey; name: string }> = [
  { key: 'label', name: 'Option' },
  { key: 'text', name: 'Text' },
  { key: 'position', name: 'Position' },
  { key: 'priority', name: 'Priority' },
  { key: 'notes', name: 'Notes' },
  { key: 'modified', name: 'Last change' },
];

function sortValue(r: PositionRow, key: SortKey, index: number): string | number {
  switch (key) {
    case 'label':
      return index; // document order
    case 'text':
      return r.block.excerpt.toLocaleLowerCase();
    case 'position':
      return r.position ? POSITIONS.indexOf(r.position) : 99;
    case 'priority':
      return r.priority ? PRIORITIES.indexOf(r.priority) : 99;
    case 'notes':
      return r.noteCount;
    case 'modified':
      return r.modified ?? '';
  }
}

type Sort = { key: SortKey; down: boolean };

function SortHeader({
  column: c,
  sort,
  onSort,
}: {
  column: { key: SortKey; name: string };
  sort: Sort;
  onSort: (update: (s: Sort) => Sort) => void;
}): ReactNode {
  return (
    <th
      scope="col"
      aria-sort={sort.key === c.key ? (sort.down ? 'descending' : 'ascending') : 'none'}
      className={`col-${c.key}`}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort((s) => ({ key: c.key, down: s.key === c.key ? !s.down : false }))}
      >
        {c.name}
        <span aria-hidden="true">{sort.key === c.key ? (sort.down ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

function FullText({ id, excerpt }: { id: string; excerpt: string }): ReactNode {
  const [text, setText] = useState<string | null>(null);
  const firstLine = clip(excerpt.split('\n')[0] ?? '', 140);
  return (
    <div className="matrix-text">
      <span>{text ?? firstLine}</span>{' '}
      <button
        type="button"
        className="link-button small"
        aria-expanded={text !== null}
        onClick={() =>
          text !== null
            ? setText(null)
            : void api.content.block({ id }).then((res) => setText(res.ok ? res.value.block.text : excerpt))
        }
      >
        {text !== null ? 'Less' : 'Full text'}
      </button>
    </div>
  );
}

export function PositionsMatrix(): ReactNode {
  const revision = useStore(notes, (s) => s.revision);
  const outline = useStore(nav, (s) => s.outline);
  const rows = useResult(() => api.positions.list({}), [revision]);
  // One column per visible colleague's layer: mine | Capital | Expert A.
  const layerCols = useResult(() => api.layers.positions({}), [revision]);
  const columns = layerCols.value ?? [];
  const [onlyDiffering, setOnlyDiffering] = useState(false);
  const differing = (r: PositionRow): boolean => columns.some((c) => differs(r, c.positions[r.block.id] ?? null));
  const clusters = outline ? [...outline.byId.values()].filter((n) => n.kind === 'cluster') : [];
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [position, setPositionFilter] = useState<string>('');
  const [priority, setPriorityFilter] = useState<string>('');
  const [sort, setSort] = useState<Sort>({ key: 'label', down: false });
  const title = (id: string): string => {
    const n = outline?.byId.get(id);
    return n ? `${n.label} ${sentenceCase(n.title)}` : id;
  };

  const all = (rows.value ?? []).filter((r) => chosen.length === 0 || chosen.includes(r.clusterId));
  const wanted = text.trim().toLocaleLowerCase();
  const shown = all
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !wanted || `${r.block.label} ${r.block.excerpt}`.toLocaleLowerCase().includes(wanted))
    .filter(({ r }) => !position || (position === 'none' ? !r.position : r.position === position))
    .filter(({ r }) => !priority || (priority === 'none' ? !r.priority : r.priority === priority))
    .filter(({ r }) => !onlyDiffering || differing(r))
    .sort((a, b) => {
      const x = sortValue(a.r, sort.key, a.i);
      const y = sortValue(b.r, sort.key, b.i);
      const order = x < y ? -1 : x > y ? 1 : a.i - b.i;
      return sort.down ? -order : order;
    })
    .map(({ r }) => r);
  const toggleCluster = (id: string): void =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <div className="matrix" data-testid="positions-matrix">
      <div className="matrix-head">
        <h1 id="matrix-title">Positions matrix</h1>
        <button type="button" onClick={closeMatrix}>
          Back to the text
        </button>
      </div>
      <div className="matrix-tools" role="group" aria-label="Clusters">
        {clusters.map((c) => (
          <button
            key={c.id}
            type="button"
            className="chip"
            aria-pressed={chosen.includes(c.id)}
            onClick={() => toggleCluster(c.id)}
          >
            {c.label}
          </button>
        ))}
        <span className="muted small">{chosen.length === 0 ? 'All clusters' : `${chosen.length} chosen`}</span>
      </div>
      <div className="matrix-tools">
        <label className="field">
          <span>Filter text</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
        </label>
        <label className="field">
          <span>Position</span>
          <select value={position} onChange={(e) => setPositionFilter(e.target.value)}>
            <option value="">Any</option>
            <option value="none">Unmarked</option>
            {POSITIONS.map((p) => (
              <option key={p} value={p}>
                {POSITION[p].label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Priority</span>
          <select value={priority} onChange={(e) => setPriorityFilter(e.target.value)}>
            <option value="">Any</option>
            <option value="none">None</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY[p]}
              </option>
            ))}
          </select>
        </label>
        {columns.length ? (
          <label className="check">
            <input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} /> Only
            where a colleague differs
          </label>
        ) : null}
        <span className="muted small" data-testid="matrix-count">
          {shown.length} of {all.length} shown
        </span>
      </div>
      {rows.status === 'error' ? <p role="alert">{rows.message}</p> : null}
      {rows.value ? <MatrixCoverage rows={all} title={title} /> : null}
      <table
        className={`matrix-table${columns.length ? ' with-layers' : ''}`}
        aria-labelledby="matrix-title"
        data-layers={columns.length}
      >
        <thead>
          <tr>
            {COLUMNS.slice(0, 4).map((c) => (
              <SortHeader
                key={c.key}
                column={c.key === 'position' && columns.length ? { ...c, name: 'My position' } : c}
                sort={sort}
                onSort={setSort}
              />
            ))}
            {columns.map((c) => (
              <th key={c.layerId} scope="col" className={`col-layer layer-c-${c.color}`} data-layer={c.layerId}>
                <span className="layer-col-name">{c.name}</span>
              </th>
            ))}
            {COLUMNS.slice(4).map((c) => (
              <SortHeader key={c.key} column={c} sort={sort} onSort={setSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr
              key={r.block.id}
              data-block-id={r.block.id}
              className={r.position ? `pos-row-${r.position}` : 'unmarked'}
            >
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    closeMatrix();
                    void navigate({ pageId: r.block.pageId, blockId: r.block.id });
                  }}
                >
                  {r.block.shortLabel}
                </button>
              </th>
              <td>
                <FullText id={r.block.id} excerpt={r.block.excerpt} />
              </td>
              <td>
                <StanceListbox
                  label={`Position on ${r.block.shortLabel}`}
                  value={r.position}
                  choices={POSITION_CHOICES}
                  className={r.position ? `pos-${r.position}` : ''}
                  onCommit={(v) => void setPosition(r.block.id, r.block.shortLabel, { position: v }, r)}
                />
                <PositionHistory row={r} revision={revision} />
              </td>
              <td>
                <StanceListbox
                  label={`Priority of ${r.block.shortLabel}`}
                  value={r.priority}
                  choices={PRIORITY_CHOICES}
                  onCommit={(v) => void setPosition(r.block.id, r.block.shortLabel, { priority: v }, r)}
                />
              </td>
              {columns.map((c) => (
                <td key={c.layerId}>
                  <LayerPositionCell
                    layerId={c.layerId}
                    layerName={c.name}
                    color={c.color}
                    optionLabel={r.block.shortLabel}
                    mine={r}
                    theirs={c.positions[r.block.id] ?? null}
                    onAdopt={() =>
                      void adopt({ id: c.layerId, name: c.name }, { position: r.block.id, label: r.block.shortLabel })
                    }
                  />
                </td>
              ))}
              <td className="num">{r.noteCount}</td>
              <td className="small">{r.modified ? new Date(r.modified).toLocaleString() : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
