/**
 * Presentation mode on and off: the toolbar button, the menu item,
 * the shortcut, the palette and the start-up setting all come here.
 *
 * Constraint: a state in which no key, command or toast shows or changes
 * anything private, and which is left only by an explicit choice. Turning it
 * on closes whatever private overlay is open and clears the toasts (they may
 * name a note or offer an Undo). Leaving it: the badge's button (or the
 * palette's command, typed out in full) turns it off at once; the shortcut
 * and the menu item, which toggle on the way in, only ask on the way out
 * (a confirmation whose default answer keeps presenting), so a key pressed
 * by mistake in front of the room shows nothing. Presenting from the lock
 * screen ends on the lock screen: the notes were never unlocked.
 */
import { settings, updateSettings } from './settings';
import { toasts } from './toasts';
import { closeOverlays, openDialog, ui } from './ui';
import { vault } from './vault';

export function setPresentation(on: boolean): void {
  const { editor, dialog } = ui.get();
  if (on) {
    if (editor || (dialog && dialog !== 'help')) closeOverlays();
    window.getSelection()?.removeAllRanges();
  } else if (dialog === 'presentation-off') closeOverlays();
  // Toasts either way: those shown to the room were about the document, those from before may name a note.
  toasts.set({ list: [] });
  if (!on && vault.get().presenting) {
    // The notes are locked (presented from the lock screen): back to it, nothing saved (the settings are locked too).
    settings.set({ presentation: false });
    vault.set({ presenting: false });
    return;
  }
  updateSettings({ presentation: on });
}

/** The badge's button: an explicit choice, either way. */
export function togglePresentation(): void {
  setPresentation(!settings.get().presentation);
}

/** The shortcut and the menu item: on at once; off only after the confirmation (PresentationOff.tsx). */
export function presentationKey(): void {
  if (!settings.get().presentation) setPresentation(true);
  else openDialog('presentation-off');
}

/** At start-up: the app can be set to open in presentation mode whatever it was at closing. */
export function applyStartInPresentation(): void {
  const s = settings.get();
  if (s.startInPresentation && !s.presentation) setPresentation(true);
}
