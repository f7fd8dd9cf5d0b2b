/**
 * One cell of a layer's column in the positions matrix: the
 * colleague's position and priority on the option, "≠ differs" when it is not
 * mine (in words and a sign, never colour alone), and "Adopt", which makes it
 * my position (the core records where it came from in the option's history).
 */
import type { ReactNode } from 'react';
import type { LayerColor } from '../../shared/contract/values';
import { POSITION_LABELS as POSITION, PRIORITY_LABELS as PRIORITY } from '../../shared/vocabulary/labels';
import { differs, type Stance } from '../lib/layer-view';

export function LayerPositionCell({
  layerId,
  layerName,
  color,
  optionLabel,
  mine,
  theirs,
  onAdopt,
}: {
  layerId: string;
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
    <div className={`layer-cell layer-c-${color}`} data-layer={layerId} data-differs={other ? 'true' : 'false'}>
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
