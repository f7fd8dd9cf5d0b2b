/**
 * Search and colleagues' layers: chips choosing whose notes are searched
 * ("My notes", "Capital", "Expert A"), and the mark on a note hit saying whose
 * note it is.
 *
 * Constraint: the overlay mounts these only when private things are shown
 * (presentation mode names no layer); a layer is always named in words
 * beside its colour.
 */
import type { ReactNode } from 'react';
import type { LayerInfo } from '../../shared/contract/layer-types';
import type { SearchHit } from '../../shared/contract/types';
import { MY_NOTES } from '../../shared/contract/values';

export function LayerChips({
  layers,
  whose,
  onChange,
}: {
  layers: readonly LayerInfo[];
  whose: readonly string[];
  onChange: (whose: string[]) => void;
}): ReactNode {
  return (
    <div className="chips" role="group" aria-label="Whose notes">
      <span className="chips-label" aria-hidden="true">
        Notes
      </span>
      {[{ id: MY_NOTES, name: 'My notes', color: null }, ...layers].map((l) => (
        <button
          key={l.id}
          type="button"
          className={`chip${l.color ? ` layer-c-${l.color}` : ''}`}
          aria-pressed={whose.includes(l.id)}
          onClick={() => onChange(whose.includes(l.id) ? whose.filter((w) => w !== l.id) : [...whose, l.id])}
        >
          {l.color ? <span className={`swatch layer-sw-${l.color}`} aria-hidden="true" /> : null} {l.name}
        </button>
      ))}
    </div>
  );
}

/** Whose note a note hit is: "My note" or the colleague's layer, in words beside its colour. */
export function HitLayer({ hit, layers: list }: { hit: SearchHit; layers: readonly LayerInfo[] }): ReactNode {
  const layer = hit.layerId ? list.find((l) => l.id === hit.layerId) : undefined;
  if (!layer) return <span className="result-layer">My note</span>;
  return (
    <span className={`result-layer layer-c-${layer.color}`} data-layer={layer.id}>
      <span className={`swatch layer-sw-${layer.color}`} aria-hidden="true" /> {layer.name}
    </span>
  );
}
