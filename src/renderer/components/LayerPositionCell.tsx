/**
 * One cell of a layer's column in the positions matrix (#17.3): the
 * colleague's position and priority on the option, "≠ differs" when it is not
 * mine (in words and a sign, never colour alone), and "Adopt", which makes it
 * my position (the core records where it came from in the option's history).
 */
import type { ReactNode } from 'react';
import type { Position, Priority } from '../../shared/contract/types';
import type { LayerColor } from '../../shared/contract/values';
import { POSITION_LABELS as POSITION, PRIORITY_LABELS as PRIORITY } from '../../shared/vocabulary/labels';

export interface Stance {
  position: Position | null;
  priority: Priority | null;
}

/** A colleague's stance differs from mine when they marked something I have not, or otherwise. */
export function differs(mine: Stance, theirs: Stance | null): boolean {
  if (!theirs || (!theirs.position && !theirs.priority)) return false;
  return theirs.position !== mine.position || (theirs.priority !== null && theirs.priority !== mine.priority);
}

export function LayerPositionCell({
  layerName,
  color,
  optionLabel,
  mine,
  theirs,
  onAdopt,
}: {
  layerName: string;
  color: LayerColor;
  optionLabel: string;
  mine: Stance;
  theirs: Stance | null;
  onAdopt: () => void;
}): ReactNode {
  const p = theirs?.position ?? null;
  const pri = theirs?.priority ?? null;
  const other = differs(mine, theirs);
  return (
    <div className={`layer-cell layer-c-${color}`} data-differs={other ? 'true' : 'false'}>
      {p ? (
        <span className={`pos-${p}`}>
          <span aria-hidden="true">{POSITION[p].icon} </span>
          {POSITION[p].label}
        </span>
      ) : (
        <span className="muted">Unmarked</span>
      )}
      {pri ? <span className="small">{PRIORITY[pri]} priority</span> : null}
      {other ? (
        <>
          <span className="differs small">≠ differs from mine</span>
          <button
            type="button"
            className="button small"
            aria-label={`Adopt ${layerName}'s position on ${optionLabel}`}
            onClick={onAdopt}
          >
            Adopt
          </button>
        </>
      ) : p ? (
        <span className="agrees small">= same as mine</span>
      ) : null}
    </div>
  );
}
