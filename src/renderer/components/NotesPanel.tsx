/**
 * All bookmarks and annotations: grouped by cluster and focus area or sorted
 * by date, filtered by text, tag, colour, position and priority; each entry
 * jumps to its place. Unattached notes (their passage no longer found) are
 * listed apart, with their quote and note, never dropped.
 */
import { useState, type ReactNode } from 'react';
import type { AnnotationFilter, NoteEntry } from '../../shared/contract/types';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { useStore } from '../lib/store';
import { sentenceCase } from '../lib/text';
import { nav } from '../state/nav';
import { notes } from '../state/notes';
import { openDialog, ui } from '../state/ui';
import { NoteEntryView } from './NoteEntryView';
import { NotesFilters } from './NotesFilters';
import { SkeletonLines } from './Skeleton';

function entryId(e: NoteEntry): string {
  return e.annotation?.id ?? e.bookmark?.id ?? '';
}

function groupByPlace(
  entries: NoteEntry[],
  title: (id: string | null) => string,
): Array<{ key: string; title: string; items: NoteEntry[] }> {
  const groups: Array<{ key: string; title: string; items: NoteEntry[] }> = [];
  for (const e of entries) {
    const key = e.focusAreaId ?? e.clusterId ?? e.target?.pageId ?? 'other';
    let g = groups.find((x) => x.key === key);
    if (!g) {
      g = { key, title: title(key), items: [] };
      groups.push(g);
    }
    g.items.push(e);
  }
  return groups;
}

export function NotesPanel(): ReactNode {
  const revision = useStore(notes, (s) => s.revision);
  const filter = useStore(ui, (s) => s.filter);
  const outline = useStore(nav, (s) => s.outline);
  const [sort, setSort] = useState<'document' | 'date'>('document');
  const list = useResult(() => api.notes.list({ filter, sort }), [filter, sort, revision]);
  const orphans = useResult(() => api.notes.list({ filter: { anchor: ['orphan'] }, sort: 'date' }), [revision]);
  const setFilter = (f: AnnotationFilter): void => ui.set({ filter: f });

  const title = (id: string | null): string => {
    const n = id ? outline?.byId.get(id) : undefined;
    return n ? `${n.label} — ${sentenceCase(n.title)}` : 'Elsewhere in the document';
  };
  const attached = (list.value ?? []).filter((e) => e.annotation?.anchor !== 'orphan' && e.target);
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
        </div>
      </div>
      <NotesFilters filter={filter} onChange={setFilter} revision={revision} />
      {list.status === 'loading' && !list.value ? <SkeletonLines lines={5} label="Loading your notes" /> : null}
      {list.status === 'error' ? <p role="alert">Your notes could not be listed: {list.message}</p> : null}
      {list.value && attached.length === 0 ? (
        <p className="muted panel-empty" data-testid="notes-empty">
          {filtered
            ? 'No notes match these filters.'
            : 'No notes yet. Select a passage to highlight it, or use ☆ and ✎ beside any paragraph (keys B and N).'}
        </p>
      ) : null}
      <div aria-live="polite" className="visually-hidden">
        {list.value ? `${attached.length} notes shown` : ''}
      </div>
      {sort === 'document' ? (
        groupByPlace(attached, title).map((g) => (
          <section key={g.key} className="notes-group" aria-label={g.title}>
            <h3 className="notes-group-title">{g.title}</h3>
            <ul className="note-entries">
              {g.items.map((e) => (
                <NoteEntryView key={entryId(e)} entry={e} />
              ))}
            </ul>
          </section>
        ))
      ) : (
        <ul className="note-entries">
          {attached.map((e) => (
            <NoteEntryView key={entryId(e)} entry={e} showPlace />
          ))}
        </ul>
      )}
      {orphans.value && orphans.value.length ? (
        <section className="notes-group orphans" aria-labelledby="orphans-title">
          <h3 id="orphans-title" className="notes-group-title">
            Unattached notes ({orphans.value.length})
          </h3>
          <p className="muted small">
            The passage these notes were made on is no longer found in this edition of the document. They are kept with
            their quote; nothing was moved.
          </p>
          <ul className="note-entries">
            {orphans.value.map((e) => (
              <NoteEntryView key={entryId(e)} entry={e} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
