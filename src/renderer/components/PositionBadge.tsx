/**
 * A negotiating position as a badge: fixed colour, icon and words (never
 * colour alone), and the priority beside it.
 */
import type { ReactNode } from 'react';
import type { Position, Priority } from '../../shared/contract/types';
import { POSITION, PRIORITY } from '../lib/labels';

export function PositionBadge({
  position,
  priority,
}: {
  position: Position | null;
  priority?: Priority | null;
}): ReactNode {
  if (!position && !priority) return null;
  return (
    <span className="position-line">
      {position ? (
        <span className={`position-badge pos-${position}`} data-position={position}>
          <span className="pos-icon" aria-hidden="true">
            {POSITION[position].icon}
          </span>
          {POSITION[position].label}
        </span>
      ) : null}
      {priority ? <span className={`priority pri-${priority}`}>{PRIORITY[priority]} priority</span> : null}
    </span>
  );
}
