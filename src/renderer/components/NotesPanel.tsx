/**
 * All bookmarks and annotations: grouped by cluster and focus area or sorted
 * by date, filtered by text, tag, colour, position and priority; each entry
 * jumps to its place. Unattached notes (their passage no longer found) are
 * listed apart, with their quote and note, never dropped.
 *
 * Constraint: the list is virtualised and paged (VirtualNoteList), so
 * 100,000 notes draw as fast as ten; the unattached notes show the first
 * ORPHANS_SHOWN with their count.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { AnnotationFilter, NoteEntry } from '../../shared/contract/types';
import { MY_NOTES } from '../../shared/contract/values';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { useStore } from '../lib/store';
import { sentenceCase } from '../lib/text';
import { nav } from '../state/nav';
import { layers, removeLayer, setLayerVisible, undoLayerUpdate } from '../state/layers';
import { notes } from '../state/notes';
import { openDialog, ui } from '../state/ui';
import { LayersList } from './LayersList';
import { NoteEntryView } from './NoteEntryView';
import { VaultLink } from './VaultLink';
import { NotesFilters } from './NotesFilters';
import { SkeletonLines } from './Skeleton';
import { VirtualNoteList } from './VirtualNoteList';

const ORPHANS_SHOWN = 200;

function withoutBlock(filter: AnnotationFilter): AnnotationFilter {
  const rest = { ...filter };
  delete rest.blockId;
  return rest;
}

function entryId(e: NoteEntry): string {
  return e.annotation?.id ?? e.bookmark?.id ?? '';
}

export function NotesPanel(): ReactNode {
  const revision = useStore(notes, (s) => s.revision);
  const filter = useStore(ui, (s) => s.filter);
  const outline = useStore(nav, (s) => s.outline);
  const [sort, setSort] = useState<'document' | 'date'>('document');
  const [count, setCount] = useState<{ total: number | null; error: string | null }>({ total: null, error: null });
  const onTotal = useCallback((total: number | null, error: string | null) => setCount({ total, error }), []);
  const orphans = useResult(
    () => api.notes.page({ filter: { anchor: ['orphan'] }, sort: 'date', offset: 0, limit: ORPHANS_SHOWN }),
    [revision],
  );
  const setFilter = (f: AnnotationFilter): void => ui.set({ filter: f });
  const layerList = useStore(layers, (s) => s.list);
  const whose = useStore(ui, (s) => s.notesLayer);
  // A colleague's layer chosen here: the list shows its notes, read-only; a layer gone falls back to mine.
  const chosenLayer = layerList.find((l) => l.id === whose);

  const title = (id: string | null): string => {
    const n = id ? outline?.byId.get(id) : undefined;
    return n ? `${n.label} — ${sentenceCase(n.title)}` : 'Elsewhere in the document';
  };
  const groupOf = (e: NoteEntry): { key: string; title: string } => {
    const key = e.focusAreaId ?? e.clusterId ?? e.target?.pageId ?? 'other';
    return { key, title: title(key) };
  };
  const filtered = Object.values(filter).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));

  return (
    <div className="notes-panel">
      <div className="panel-tools">
        <div className="segmented" role="group" aria-label="Order">
          <button type="button" aria-pressed={sort === 'document'} onClick={() => setSort('document')}>
            By place
          </button>
          <button type="button" aria-pressed={sort === 'date'} onClick={() => setSort('date')}>
            By date
          </button>
        </div>
        <div className="tool-links">
          <button type="button" className="link-button" onClick={() => openDialog('export')}>
            Export…
          </button>
          <button type="button" className="link-button" onClick={() => openDialog('import')}>
            Import…
          </button>
          <button type="button" className="link-button" onClick={() => openDialog('trash')}>
            Trash
          </button>
          <button type="button" className="link-button" onClick={() => openDialog('backup')}>
            Backups
          </button>
          <button type="button" className="link-button" onClick={() => openDialog('colors')}>
            Colours
          </button>
          <button type="button" className="link-button" onClick={() => openDialog('settings')}>
            Settings…
          </button>
          <VaultLink />
        </div>
      </div>
      <LayersList
        layers={layerList}
        onVisible={(l, v) => void setLayerVisible(l, v)}
        onRemove={(l) => void removeLayer(l)}
        onUndoUpdate={(l) => void undoLayerUpdate(l)}
      />
      <NotesFilters
        filter={filter}
        onChange={setFilter}
        revision={revision}
        layers={layerList}
        whose={chosenLayer?.id ?? MY_NOTES}
        onWhose={(w) => ui.set({ notesLayer: w })}
      />
      {filter.blockId ? (
        <p className="notes-block-filter">
          Only the notes on {outline?.byId.get(filter.blockId)?.label ?? filter.blockId}.{' '}
          <button type="button" className="link-button" onClick={() => setFilter(withoutBlock(filter))}>
            Show all notes
          </button>
        </p>
      ) : null}
      {count.total === null && !count.error ? <SkeletonLines lines={5} label="Loading your notes" /> : null}
      {count.error ? <p role="alert">Your notes could not be listed: {count.error}</p> : null}
      {count.total === 0 ? (
        <p className="muted panel-empty" data-testid="notes-empty">
          {chosenLayer
            ? `No notes of ${chosenLayer.name}'s${filtered ? ' match these filters' : ' layer to list'}.`
            : filtered
              ? 'No notes match these filters.'
              : 'No notes yet. Select a passage to highlight it, or use ☆ and ✎ beside any paragraph (keys B and N).'}
        </p>
      ) : null}
      <div aria-live="polite" className="visually-hidden">
        {count.total !== null ? `${count.total} notes shown` : ''}
      </div>
      <VirtualNoteList
        filter={filter}
        sort={sort}
        placed
        revision={revision}
        onTotal={onTotal}
        {...(chosenLayer ? { layers: [chosenLayer] } : {})}
        {...(sort === 'document' ? { groupOf } : { showPlace: true })}
      />
      {!chosenLayer && orphans.value && orphans.value.total ? (
        <section className="notes-group orphans" aria-labelledby="orphans-title">
          <h3 id="orphans-title" className="notes-group-title">
            Unattached notes ({orphans.value.total})
          </h3>
          <p className="muted small">
            The passage these notes were made on is no longer found in this edition of the document. They are kept with
            their quote; nothing was moved.
          </p>
          <ul className="note-entries">
            {orphans.value.entries.map((e) => (
              <NoteEntryView key={entryId(e)} entry={e} />
            ))}
          </ul>
          {orphans.value.total > ORPHANS_SHOWN ? (
            <p className="muted small">
              The {ORPHANS_SHOWN} most recent of {orphans.value.total} are shown; export them all from Export….
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
