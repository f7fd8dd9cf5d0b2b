/**
 * The top bar: pane toggles, search, text size, theme, print and help.
 *
 * Constraint: icons are Unicode glyphs with text labels for assistive
 * technology; no icon font, nothing loaded from outside.
 */
import type { ReactNode } from 'react';
import type { Settings } from '../../shared/contract/types';
import { TEXT_SIZE, THEMES, type Theme } from '../../shared/contract/values';
import { useStore } from '../lib/store';
import { settings, updateSettings } from '../state/settings';
import { openDialog, openSearch, ui } from '../state/ui';
import { Icon } from './Icon';
import { useNarrow } from '../hooks/useNarrow';

const isMac = /Mac/.test(navigator.platform);
const THEME_LABELS: Record<Theme, string> = { system: 'System theme', light: 'Light', dark: 'Dark' };
export const MOD = isMac ? '⌘' : 'Ctrl';

export function TopBar(): ReactNode {
  const s = useStore(settings, (x) => x);
  const drawers = useStore(ui, (x) => x.drawers);
  const narrow = useNarrow();
  const shown = (pane: 'outline' | 'side'): boolean => s.panes[pane] && (!narrow || drawers);
  const setPanes = (patch: Partial<Settings['panes']>): void => updateSettings({ panes: { ...s.panes, ...patch } });
  /** On a narrow window the panes are drawers: the buttons open and close the drawers, not the panes. */
  const toggle = (pane: 'outline' | 'side'): void => {
    if (!narrow) return setPanes({ [pane]: !s.panes[pane] });
    if (shown(pane)) return ui.set({ drawers: false });
    ui.set({ drawers: true });
    if (!s.panes[pane]) setPanes({ [pane]: true });
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
          disabled={s.textSize <= TEXT_SIZE.min}
          onClick={() => updateSettings({ textSize: Math.max(TEXT_SIZE.min, s.textSize - 1) })}
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
          disabled={s.textSize >= TEXT_SIZE.max}
          onClick={() => updateSettings({ textSize: Math.min(TEXT_SIZE.max, s.textSize + 1) })}
        >
          A+
        </button>
      </div>
      <label className="theme-select">
        <span className="visually-hidden">Theme</span>
        <select value={s.theme} aria-label="Theme" onChange={(e) => updateSettings({ theme: e.target.value as Theme })}>
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {THEME_LABELS[t]}
            </option>
          ))}
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
