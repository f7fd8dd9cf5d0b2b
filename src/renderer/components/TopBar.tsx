/**
 * The top bar: pane toggles, search, text size, theme, print and help.
 *
 * Constraint: icons are Unicode glyphs with text labels for assistive
 * technology; no icon font, nothing loaded from outside.
 */
import type { ReactNode } from 'react';
import type { Settings } from '../../shared/contract/types';
import { useStore } from '../lib/store';
import { settings, TEXT_MAX, TEXT_MIN, updateSettings } from '../state/settings';
import { openDialog, openSearch, ui } from '../state/ui';
import { Icon } from './Icon';
import { useNarrow } from '../hooks/useNarrow';

const isMac = /Mac/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

export function TopBar(): ReactNode {
  const s = useStore(settings, (x) => x);
  const drawers = useStore(ui, (x) => x.drawers);
  const narrow = useNarrow();
  const shown = (pane: 'outline' | 'side'): boolean => s.panes[pane] && (!narrow || drawers[pane]);
  const setPanes = (patch: Partial<Settings['panes']>): void => updateSettings({ panes: { ...s.panes, ...patch } });
  /** On a narrow window the panes are drawers: the buttons open and close the drawers, not the panes. */
  const toggle = (pane: 'outline' | 'side'): void => {
    if (!narrow) return setPanes({ [pane]: !s.panes[pane] });
    const open = !shown(pane);
    ui.set({ drawers: { ...drawers, [pane]: open } });
    if (open && !s.panes[pane]) setPanes({ [pane]: true });
  };
  return (
    <header className="topbar">
      <button
        type="button"
        className="icon-button"
        aria-pressed={shown('outline')}
        aria-label="Show outline"
        title="Show or hide the outline"
        onClick={() => toggle('outline')}
      >
        <Icon name="outline" />
      </button>
      <div className="app-title">
        <span className="app-name">Recollection</span>
        <span className="app-work">GFMD Thematic Recollection 2007–2017</span>
      </div>
      <button type="button" className="search-button" onClick={openSearch} aria-keyshortcuts="Control+K Meta+K">
        <Icon name="search" /> Search <kbd>{MOD}+K</kbd>
      </button>
      <div className="toolbar-group" role="group" aria-label="Text size">
        <button
          type="button"
          className="icon-button"
          aria-label="A− smaller text"
          disabled={s.textSize <= TEXT_MIN}
          onClick={() => updateSettings({ textSize: Math.max(TEXT_MIN, s.textSize - 1) })}
        >
          A−
        </button>
        <output className="text-size" aria-label="Text size in pixels" data-testid="text-size">
          {s.textSize}
        </output>
        <button
          type="button"
          className="icon-button"
          aria-label="A+ larger text"
          disabled={s.textSize >= TEXT_MAX}
          onClick={() => updateSettings({ textSize: Math.min(TEXT_MAX, s.textSize + 1) })}
        >
          A+
        </button>
      </div>
      <label className="theme-select">
        <span className="visually-hidden">Theme</span>
        <select
          value={s.theme}
          aria-label="Theme"
          onChange={(e) => updateSettings({ theme: e.target.value as Settings['theme'] })}
        >
          <option value="system">System theme</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <button
        type="button"
        className="icon-button"
        aria-label="Print this section"
        title="Print this section"
        onClick={() => window.print()}
      >
        <Icon name="print" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => openDialog('help')}
      >
        ?
      </button>
      <button
        type="button"
        className="icon-button"
        aria-pressed={shown('side')}
        aria-label="Show side panel"
        title="Show or hide notes, footnotes and cross-references"
        onClick={() => toggle('side')}
      >
        <Icon name="side" />
      </button>
    </header>
  );
}
