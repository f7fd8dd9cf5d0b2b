/**
 * A negotiating position as a badge: fixed colour, icon and words (never
 * colour alone), and the priority beside it.
 */
import type { ReactNode } from 'react';
import type { Position, Priority } from '../../shared/contract/types';
import { POSITION_LABELS, PRIORITY_LABELS } from '../../shared/vocabulary/labels';

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
            {POSITION_LABELS[position].icon}
          </span>
          {POSITION_LABELS[position].label}
        </span>
      ) : null}
      {priority ? <span className={`priority pri-${priority}`}>{PRIORITY_LABELS[priority]} priority</span> : null}
    </span>
  );
}
