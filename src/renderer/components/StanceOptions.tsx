/**
 * The <option> lists of the position and priority selects (note editor, Notes
 * filters, Positions view): one wording and icon per position everywhere.
 */
import type { ReactNode } from 'react';
import { POSITIONS, PRIORITIES } from '../../shared/contract/types';
import { POSITION, PRIORITY } from '../lib/labels';

/** Position options after an empty option labelled `empty` ("Any", "— None", "Unmarked"). */
export function PositionOptions({ empty }: { empty: string }): ReactNode {
  return (
    <>
      <option value="">{empty}</option>
      {POSITIONS.map((p) => (
        <option key={p} value={p}>
          {POSITION[p].icon} {POSITION[p].label}
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
          {PRIORITY[p]}
        </option>
      ))}
    </>
  );
}
