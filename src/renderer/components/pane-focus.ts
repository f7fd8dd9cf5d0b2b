/**
 * Shortcuts that put the keyboard in a pane: Alt+1 the outline, Alt+2
 * the text, Alt+3 the notes, Alt+4 the positions. A closed pane (or drawer,
 * on a narrow window) is opened first.
 *
 * Constraint: in presentation mode the Notes and Positions panes do not
 * exist, so Alt+3 and Alt+4 do nothing.
 */
import type { Settings } from '../../shared/contract/types';
import { privateShown } from './Private';
import { blockElement, readingPane } from './reading-pane';
import { nav } from '../state/nav';
import { settings, updateSettings } from '../state/settings';
import { isNarrow, ui } from '../state/ui';

export type PaneKey = 'outline' | 'reader' | 'notes' | 'positions';

/** Wait for React to render what was just opened, then focus. */
function later(focus: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(focus));
}

function open(pane: 'outline' | 'side', patch: Partial<Settings['panes']> = {}): void {
  const s = settings.get();
  if (!s.panes[pane] || Object.keys(patch).length) updateSettings({ panes: { ...s.panes, [pane]: true, ...patch } });
  if (isNarrow()) ui.set({ drawers: { outline: pane === 'outline', side: pane === 'side' } });
}

export function focusPane(which: PaneKey): void {
  if (which === 'reader') {
    const id = nav.get().currentBlockId;
    const el = (id && blockElement(id)) || readingPane();
    if (isNarrow()) ui.set({ drawers: { outline: false, side: false } });
    el?.focus();
    return;
  }
  if (which === 'outline') {
    open('outline');
    later(() => document.querySelector<HTMLElement>('.outline-pane [role=treeitem][tabindex="0"]')?.focus());
    return;
  }
  if (!privateShown()) return;
  open('side', { sideTab: which });
  later(() => document.getElementById(`tab-${which}`)?.focus());
}
