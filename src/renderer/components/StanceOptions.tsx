/**
 * The position and priority choices: as <option> lists for the selects (note
 * editor, Notes filters) and as choices for StanceListbox (positions matrix,
 * Positions view): one wording and icon per position everywhere.
 */
import type { ReactNode } from 'react';
import { POSITIONS, PRIORITIES, type Position, type Priority } from '../../shared/contract/types';
import { POSITION_LABELS, PRIORITY_LABELS } from '../../shared/vocabulary/labels';
import type { Choice } from './StanceListbox';

export const POSITION_CHOICES: ReadonlyArray<Choice<Position>> = [
  { value: null, label: 'Unmarked' },
  ...POSITIONS.map((p) => ({ value: p, label: POSITION_LABELS[p].label, icon: POSITION_LABELS[p].icon })),
];
export const PRIORITY_CHOICES: ReadonlyArray<Choice<Priority>> = [
  { value: null, label: '—' },
  ...PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] })),
];

/** Position options after an empty option labelled `empty` ("Any", "— None", "Unmarked"). */
export function PositionOptions({ empty }: { empty: string }): ReactNode {
  return (
    <>
      <option value="">{empty}</option>
      {POSITIONS.map((p) => (
        <option key={p} value={p}>
          {POSITION_LABELS[p].icon} {POSITION_LABELS[p].label}
        </option>
      ))}
    </>
  );
}

export function PriorityOptions({ empty }: { empty: string }): ReactNode {
  return (
    <>
      <option value="">{empty}</option>
      {PRIORITIES.map((p) => (
        <option key={p} value={p}>
          {PRIORITY_LABELS[p]}
        </option>
      ))}
    </>
  );
}
