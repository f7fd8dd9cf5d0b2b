/**
 * The top bar: pane toggles, Back and Forward, search, presentation mode (with
 * its badge while on), text size, theme, print and help.
 *
 * Constraint: icons are Unicode glyphs with text labels for assistive
 * technology; no icon font, nothing loaded from outside.
 */
import type { ReactNode } from 'react';
import type { Settings } from '../../shared/contract/types';
import { TEXT_SIZE, THEMES, type Theme } from '../../shared/contract/values';
import { useStore } from '../lib/store';
import { goHistory, nav } from '../state/nav';
import { managedLine, policy } from '../state/policy';
import { togglePresentation } from '../state/presentation';
import { settings, updateSettings } from '../state/settings';
import { closeMatrix, openDialog, openMatrix, openSearch, ui } from '../state/ui';
import { Icon } from './Icon';
import { Private } from './Private';
import { useNarrow } from '../hooks/useNarrow';

const isMac = /Mac/.test(navigator.platform);
const THEME_LABELS: Record<Theme, string> = { system: 'System theme', light: 'Light', dark: 'Dark' };
export const MOD = isMac ? '⌘' : 'Ctrl';

export function TopBar(): ReactNode {
  const s = useStore(settings, (x) => x);
  const managedStart = useStore(policy, (v) => v.policy.startInPresentation !== undefined);
  const drawers = useStore(ui, (x) => x.drawers);
  const matrix = useStore(ui, (x) => x.matrix);
  const canBack = useStore(nav, (x) => x.history.back.length > 0);
  const canForward = useStore(nav, (x) => x.history.forward.length > 0);
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
      <div className="toolbar-group" role="group" aria-label="History">
        <button
          type="button"
          className="icon-button"
          aria-label="Back"
          title="Back (Alt+←)"
          aria-keyshortcuts="Alt+ArrowLeft"
          disabled={!canBack}
          onClick={() => void goHistory(-1)}
        >
          ←
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Forward"
          title="Forward (Alt+→)"
          aria-keyshortcuts="Alt+ArrowRight"
          disabled={!canForward}
          onClick={() => void goHistory(1)}
        >
          →
        </button>
      </div>
      <div className="app-title">
        <span className="app-name">Recollection</span>
        <span className="app-work">GFMD Thematic Recollection 2007–2017</span>
      </div>
      {s.presentation ? (
        <div className="presentation-badge" role="status">
          <strong>Presentation mode</strong>
          <span className="presentation-note"> · your notes are hidden</span>
          <label className="presentation-start">
            <input
              type="checkbox"
              checked={s.startInPresentation}
              disabled={managedStart}
              title={managedStart ? managedLine() : undefined}
              onChange={(e) => updateSettings({ startInPresentation: e.target.checked })}
            />{' '}
            Always start in it
          </label>
        </div>
      ) : null}
      <button
        type="button"
        className={`icon-button presentation-toggle${s.presentation ? ' on' : ''}`}
        aria-pressed={s.presentation}
        aria-label="Presentation mode"
        aria-keyshortcuts="Control+Shift+P Meta+Shift+P"
        title={`Presentation mode: hide your notes, positions and bookmarks (${MOD}+Shift+P)`}
        onClick={togglePresentation}
      >
        <Icon name="present" />
      </button>
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
      <Private>
        <button
          type="button"
          className="icon-button matrix-toggle"
          aria-pressed={matrix}
          aria-label="Positions matrix"
          title="Positions matrix: every option with its position, full width"
          onClick={() => (matrix ? closeMatrix() : openMatrix())}
        >
          <span aria-hidden="true">▦</span>
        </button>
      </Private>
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
