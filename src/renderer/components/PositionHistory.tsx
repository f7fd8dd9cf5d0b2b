/**
 * Where an option's position came from, under the position in the matrix:
 * "Adopted from Capital" when it was taken from a colleague's layer,
 * and on demand the earlier values (positions.history), newest first, each
 * saying where it came from when it was adopted (migration 5).
 *
 * Constraint: asks the core only when opened; a new revision of the notes
 * (any change, an undo) reloads what is open.
 */
import { useState, type ReactNode } from 'react';
import type { PositionHistoryEntry, PositionRow } from '../../shared/contract/types';
import { POSITION_LABELS as POSITION, PRIORITY_LABELS as PRIORITY } from '../../shared/vocabulary/labels';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { formatDate } from '../lib/text';

function words(v: Pick<PositionHistoryEntry, 'position' | 'priority'>): string {
  const parts = [
    v.position ? POSITION[v.position].label : 'Unmarked',
    v.priority ? `${PRIORITY[v.priority]} priority` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function Earlier({ targetId, revision }: { targetId: string; revision: number }): ReactNode {
  const list = useResult(() => api.positions.history({ targetId }), [targetId, revision]);
  if (list.status === 'error') return <p role="alert">{list.message}</p>;
  if (!list.value) return <p className="muted small">Loading…</p>;
  if (list.value.length === 0) return <p className="muted small">No earlier value.</p>;
  return (
    <ol className="position-history small">
      {list.value.map((h) => (
        <li key={h.seq}>
          {words(h)} — from {formatDate(h.set)} to {formatDate(h.replaced)}
          {h.adoptedFrom ? (
            <span className="adopted-from" data-testid="history-adopted-from">
              {' '}
              (adopted from {h.adoptedFrom.authorName}, {formatDate(h.adoptedFrom.at)})
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function PositionHistory({ row, revision }: { row: PositionRow; revision: number }): ReactNode {
  const [open, setOpen] = useState(false);
  if (!row.modified && !row.adoptedFrom) return null;
  return (
    <div className="position-origin small">
      {row.adoptedFrom ? (
        <span className="adopted-from" data-testid="adopted-from">
          Adopted from {row.adoptedFrom.authorName}, {formatDate(row.adoptedFrom.at)}
        </span>
      ) : null}
      <button
        type="button"
        className="link-button small"
        aria-expanded={open}
        aria-label={`History of the position on ${row.block.shortLabel}`}
        onClick={() => setOpen((o) => !o)}
      >
        History
      </button>
      {open ? <Earlier targetId={row.block.id} revision={revision} /> : null}
    </div>
  );
}
