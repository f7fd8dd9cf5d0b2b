/**
 * "Show all N notes on this block": the reader draws at most NOTES_PER_BLOCK
 * notes beside a block; the rest are read in the Notes panel (virtualised),
 * filtered to that block and opened.
 */
import { settings, updateSettings } from './settings';
import { ui } from './ui';

export function showAllNotes(blockId: string): void {
  ui.set((s) => ({ ...s, filter: { blockId }, drawers: { ...s.drawers, side: true } }));
  updateSettings({ panes: { ...settings.get().panes, side: true, sideTab: 'notes' } });
}
