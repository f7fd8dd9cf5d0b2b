/**
 * The <option> lists of the position and priority selects (note editor, Notes
 * filters, Positions view): one wording and icon per position everywhere.
 */
import type { ReactNode } from 'react';
import { POSITIONS, PRIORITIES } from '../../shared/contract/types';
import { POSITION_LABELS, PRIORITY_LABELS } from '../../shared/vocabulary/labels';

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
