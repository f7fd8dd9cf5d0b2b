/**
 * The stance matrix: every policy option and practical action, by cluster and
 * focus area, with the delegation's position and priority, showing at a glance
 * what is still unmarked. A position can be set right here.
 *
 * Constraint: one save per commit (StanceListbox: Enter, a click or focus
 * leaving), never one per arrow key as a native <select> would.
 */
import { useState, type ReactNode } from 'react';
import type { Position, PositionRow, Priority } from '../../shared/contract/types';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { pathTo } from '../lib/outline';
import { useStore } from '../lib/store';
import { clip, sentenceCase } from '../lib/text';
import { nav, navigate } from '../state/nav';
import { notes, setPosition } from '../state/notes';
import { SkeletonLines } from './Skeleton';
import { StanceListbox } from './StanceListbox';
import { POSITION_CHOICES, PRIORITY_CHOICES } from './StanceOptions';

async function setStance(
  row: PositionRow,
  patch: { position?: Position | null; priority?: Priority | null },
): Promise<void> {
  await setPosition(row.block.id, row.block.shortLabel, patch, row);
}

export function PositionsView(): ReactNode {
  const revision = useStore(notes, (s) => s.revision);
  const outline = useStore(nav, (s) => s.outline);
  // Start with the cluster being read: the matrix a delegate needs in the room.
  const [cluster, setCluster] = useState(() => {
    const { outline: o, pageId } = nav.get();
    return (o && pageId ? pathTo(o, pageId).find((id) => o.byId.get(id)?.kind === 'cluster') : undefined) ?? '';
  });
  const [onlyUnmarked, setOnlyUnmarked] = useState(false);
  const rows = useResult(() => api.positions.list(cluster ? { clusterId: cluster } : {}), [cluster, revision]);
  const clusters = outline ? [...outline.byId.values()].filter((n) => n.kind === 'cluster') : [];
  const title = (id: string): string => {
    const n = outline?.byId.get(id);
    return n ? `${n.label} — ${sentenceCase(n.title)}` : id;
  };

  const byArea = new Map<string, PositionRow[]>();
  for (const r of rows.value ?? []) byArea.set(r.focusAreaId, [...(byArea.get(r.focusAreaId) ?? []), r]);
  const all = rows.value ?? [];
  const marked = all.filter((r) => r.position).length;

  return (
    <div className="positions">
      <div className="panel-tools">
        <label className="field">
          <span>Cluster</span>
          <select value={cluster} onChange={(e) => setCluster(e.target.value)}>
            <option value="">All clusters</option>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={onlyUnmarked} onChange={(e) => setOnlyUnmarked(e.target.checked)} />
          Only unmarked
        </label>
      </div>
      {rows.status === 'loading' && !rows.value ? <SkeletonLines lines={8} label="Loading positions" /> : null}
      {rows.status === 'error' ? <p role="alert">{rows.message}</p> : null}
      {rows.value ? (
        <p className="positions-summary" data-testid="positions-summary">
          {marked} of {all.length} marked · {all.length - marked} still without a position
        </p>
      ) : null}
      {[...byArea.entries()].map(([area, list]) => {
        const shown = onlyUnmarked ? list.filter((r) => !r.position) : list;
        if (shown.length === 0) return null;
        const done = list.filter((r) => r.position).length;
        return (
          <section key={area} className="positions-area" aria-labelledby={`pa-${area}`}>
            <h3 id={`pa-${area}`} className="notes-group-title">
              {title(area)}{' '}
              <span className="muted small">
                ({done}/{list.length})
              </span>
            </h3>
            <table className="positions-table">
              <colgroup>
                <col className="col-item" />
                <col className="col-pos" />
                <col className="col-pri" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Position</th>
                  <th scope="col">Priority</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.block.id} className={r.position ? `has-pos pos-row-${r.position}` : 'unmarked'}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => void navigate({ pageId: r.block.pageId, blockId: r.block.id })}
                        title={clip(r.block.excerpt, 200)}
                      >
                        {r.block.shortLabel}
                      </button>
                      <span className="row-excerpt">{clip(r.block.excerpt, 70)}</span>
                    </th>
                    <td>
                      <StanceListbox
                        label={`Position on ${r.block.label}`}
                        value={r.position}
                        choices={POSITION_CHOICES}
                        className={r.position ? `pos-select pos-${r.position}` : 'pos-select'}
                        onCommit={(v) => void setStance(r, { position: v })}
                      />
                    </td>
                    <td>
                      <StanceListbox
                        label={`Priority of ${r.block.label}`}
                        value={r.priority}
                        choices={PRIORITY_CHOICES}
                        onCommit={(v) => void setStance(r, { priority: v })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
