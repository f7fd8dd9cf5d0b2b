/** The Notes panel's filters: whose notes (mine or a colleague's layer), text, tag, colour, position, priority. */
import type { ReactNode } from 'react';
import type { AnnotationFilter, Color, Position, Priority } from '../../shared/contract/types';
import type { LayerInfo } from '../../shared/contract/layer-types';
import { COLORS } from '../../shared/contract/types';
import { MY_NOTES } from '../../shared/contract/values';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { useStore } from '../lib/store';
import { notes } from '../state/notes';
import { PositionOptions, PriorityOptions } from './StanceOptions';

interface Props {
  filter: AnnotationFilter;
  onChange: (f: AnnotationFilter) => void;
  revision: number;
  /** Colleagues' layers, offered beside "My notes"; whose notes are listed. */
  layers?: readonly LayerInfo[];
  whose?: string;
  onWhose?: (whose: string) => void;
}

/** One value or none, as the filter's array form. */
const one = <T,>(v: string): T[] | undefined => (v ? [v as T] : undefined);

export function NotesFilters({ filter, onChange, revision, layers = [], whose = MY_NOTES, onWhose }: Props): ReactNode {
  const tags = useResult(() => api.notes.tags({}), [revision]);
  const palette = useStore(notes, (s) => s.palette);
  const set = (patch: AnnotationFilter): void => {
    const next: AnnotationFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as Array<keyof AnnotationFilter>) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  return (
    <div className="notes-filters" role="search" aria-label="Filter your notes">
      {layers.length && onWhose ? (
        <label className="field wide">
          <span>Whose notes</span>
          <select value={whose} onChange={(e) => onWhose(e.target.value)}>
            <option value={MY_NOTES}>My notes</option>
            {layers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
                {l.visible ? '' : ' (hidden in the text)'}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field wide">
        <span>Find in notes</span>
        <input type="search" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value || undefined })} />
      </label>
      <label className="field">
        <span>Tag</span>
        <select value={filter.tags?.[0] ?? ''} onChange={(e) => set({ tags: one<string>(e.target.value) })}>
          <option value="">Any</option>
          {(tags.value ?? []).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Colour</span>
        <select value={filter.colors?.[0] ?? ''} onChange={(e) => set({ colors: one<Color>(e.target.value) })}>
          <option value="">Any</option>
          {COLORS.map((c) => (
            <option key={c} value={c}>
              {palette.find((p) => p.color === c)?.name ?? c}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Position</span>
        <select value={filter.positions?.[0] ?? ''} onChange={(e) => set({ positions: one<Position>(e.target.value) })}>
          <PositionOptions empty="Any" />
        </select>
      </label>
      <label className="field">
        <span>Priority</span>
        <select
          value={filter.priorities?.[0] ?? ''}
          onChange={(e) => set({ priorities: one<Priority>(e.target.value) })}
        >
          <PriorityOptions empty="Any" />
        </select>
      </label>
    </div>
  );
}
