/**
 * Presentation mode on and off (#13.1): the toolbar button, the menu item,
 * the shortcut and the start-up setting all come here.
 *
 * Constraint: turning it on first closes whatever private overlay is open
 * (note editor, notes dialogs) and clears the toasts (they may name a note);
 * turning it off asks nothing (no vault lock exists yet). The choice is a
 * setting, so it survives a restart.
 */
import { settings, updateSettings } from './settings';
import { toasts } from './toasts';
import { closeOverlays, ui } from './ui';

export function setPresentation(on: boolean): void {
  if (on) {
    const { editor, dialog } = ui.get();
    if (editor || (dialog && dialog !== 'help')) closeOverlays();
    toasts.set({ list: [] });
    window.getSelection()?.removeAllRanges();
  }
  updateSettings({ presentation: on });
}

export function togglePresentation(): void {
  setPresentation(!settings.get().presentation);
}

/** At start-up: the app can be set to open in presentation mode whatever it was at closing. */
export function applyStartInPresentation(): void {
  const s = settings.get();
  if (s.startInPresentation && !s.presentation) setPresentation(true);
}
