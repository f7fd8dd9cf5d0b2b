/**
 * The command palette, Ctrl/Cmd+Shift+K or View ▸ Command
 * Palette: one box to run any app command (state/commands.ts), go back to a
 * recent place, or go to a section or option by its label or title. Typing
 * filters with fuzzysort (typos and missing letters forgiven: "exprt" finds
 * "Export notes…"); ↑ ↓ Home End choose, Enter runs, Esc closes.
 *
 * Constraint: an ARIA combobox over a listbox (focus stays in the box, the
 * active entry is aria-activedescendant); presentation-safe: places of the
 * document and command names only, never anything of a note, and private
 * commands are not offered while presentation mode is on, nor is "Turn
 * presentation mode off" but when typed out in full (leaving the mode is an
 * explicit choice, never a best match).
 */
import fuzzysort from 'fuzzysort';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { JumpTarget } from '../../shared/contract/types';
import { api } from '../api';
import { useDialogFocus } from '../hooks/useDialogFocus';
import { latestAnswer } from '../lib/latest';
import { useStore } from '../lib/store';
import { appCommands } from '../state/commands';
import { nav, navigate } from '../state/nav';
import { settings } from '../state/settings';
import { closeOverlays } from '../state/ui';
import { ComboInput } from './ComboInput';
import { pageName, useRecentPlaces } from './RecentPlaces';
import { MOD } from './TopBar';

interface Entry {
  key: string;
  title: string;
  keywords: string;
  /** What kind of entry, shown at its right: "Recent place", "Section", "Command"… */
  group: string;
  keys?: string;
  run: () => void;
}

/** Entries worse than this are not shown (fuzzysort scores from 0 to 1). */
const THRESHOLD = 0.2;
const MAX_SHOWN = 50;

/** Close the palette, then run: focus moves back where it was first, so a command that moves focus keeps it. */
function runAfterClose(run: () => void): void {
  closeOverlays();
  requestAnimationFrame(() => requestAnimationFrame(run));
}

function jumpEntry(target: JumpTarget): Entry {
  return {
    key: 'jump',
    title: `Go to ${target.label}`,
    keywords: '',
    group: 'Enter',
    run: () => void navigate({ pageId: target.pageId, blockId: target.blockId }),
  };
}

export function CommandPalette(): ReactNode {
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [jump, setJump] = useState<JumpTarget | null>(null);
  const [jumps] = useState(latestAnswer);
  const outline = useStore(nav, (s) => s.outline);
  const presentation = useStore(settings, (s) => s.presentation);
  const recent = useRecentPlaces();
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog, closeOverlays);

  // A label or id ("2.2 PO 1", "c2.f2.po.1", "ppd 468"): the same resolver as the search overlay's "Go to".
  useEffect(() => {
    const current = jumps.next();
    const query = q.trim();
    if (!query) return;
    void api.search.jump({ q: query }).then((res) => {
      if (current()) setJump(res.ok ? res.value : null);
    });
  }, [q, jumps]);

  const entries = useMemo((): Entry[] => {
    const places: Entry[] = recent.map(({ place, name }) => ({
      key: `place:${place.pageId}`,
      title: name,
      keywords: 'recent',
      group: 'Recent place',
      run: () => void navigate(place),
    }));
    const typed = q.trim().toLowerCase();
    const offered = appCommands(MOD, presentation);
    const exact = offered.filter((c) => c.exactOnly && c.title.toLowerCase() === typed);
    const commands: Entry[] = offered
      .filter((c) => !c.exactOnly)
      .map((c) => ({
        key: `command:${c.id}`,
        title: c.title,
        keywords: c.keywords ?? '',
        group: 'Command',
        ...(c.keys ? { keys: c.keys } : {}),
        run: c.run,
      }));
    const exactEntries: Entry[] = exact.map((c) => ({
      key: `command:${c.id}`,
      title: c.title,
      keywords: '',
      group: 'Command',
      run: c.run,
    }));
    if (!q.trim()) return [...places, ...commands];
    const sections: Entry[] = outline
      ? [...outline.byId.values()]
          .filter((n) => n.kind !== 'group')
          .map((n) => ({
            key: `section:${n.id}`,
            title: pageName(n),
            keywords: n.title,
            group: 'Section',
            run: () => void navigate({ pageId: n.id }),
          }))
      : [];
    return [
      ...exactEntries,
      ...fuzzysort
        .go(q.trim(), [...places, ...commands, ...sections], {
          keys: ['title', 'keywords'],
          threshold: THRESHOLD,
          limit: MAX_SHOWN,
        })
        .map((r) => r.obj),
    ];
  }, [q, recent, outline, presentation]);

  const query = q.trim();
  const shown = query && jump ? [jumpEntry(jump), ...entries] : entries;
  const index = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    document.getElementById(`cp-${index}`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    const last = shown.length - 1;
    if (e.key === 'ArrowDown') setActive(Math.min(last, index + 1));
    else if (e.key === 'ArrowUp') setActive(Math.max(0, index - 1));
    else if (e.key === 'PageDown') setActive(Math.min(last, index + 8));
    else if (e.key === 'PageUp') setActive(Math.max(0, index - 8));
    else if (e.key === 'Enter' && shown[index]) runAfterClose(shown[index].run);
    else return;
    e.preventDefault();
  };

  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeOverlays()}>
      <div
        ref={dialog}
        className="search-dialog palette-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
      >
        <ComboInput
          icon="›"
          label="Command"
          listId="palette-list"
          activeId={shown.length ? `cp-${index}` : null}
          placeholder="Type a command, a recent place or a section (2.2, recruitment…)"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
            setJump(null);
          }}
          onKeyDown={onKey}
        />
        <div className="search-status" aria-live="polite">
          {query ? `${shown.length} match${shown.length === 1 ? '' : 'es'}` : ''}
        </div>
        {query && shown.length === 0 ? (
          <p className="search-empty" data-testid="palette-nothing">
            No command or section matches “{query}”. Search the text with {MOD}+K.
          </p>
        ) : null}
        <ul id="palette-list" role="listbox" aria-label="Commands and places" className="search-results palette-list">
          {shown.map((e, i) => (
            <li
              key={e.key}
              id={`cp-${i}`}
              role="option"
              aria-selected={i === index}
              className={`search-result${i === index ? ' active' : ''}`}
              onMouseMove={() => setActive(i)}
              onClick={() => runAfterClose(e.run)}
            >
              <span className="result-head">
                <span className="result-label">{e.title}</span>
                <span className="result-kind">
                  {e.keys ? <kbd>{e.keys}</kbd> : null} {e.group}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
