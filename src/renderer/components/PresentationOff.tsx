/**
 * The question the shortcut and the menu item ask before turning presentation
 * mode off: a key pressed by mistake in front of the room must not bring the
 * notes onto the projector.
 *
 * Constraint: the default answer (focused, and Enter or Esc) keeps presenting;
 * nothing private is on this dialog.
 */
import type { ReactNode } from 'react';
import { setPresentation } from '../state/presentation';
import { closeOverlays } from '../state/ui';
import { Dialog } from './Dialog';

export function PresentationOff(): ReactNode {
  return (
    <Dialog title="Turn presentation mode off?" onClose={closeOverlays} className="confirm-dialog">
      <p>Your notes, positions, bookmarks and colleagues&rsquo; layers will be on this screen again.</p>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button" data-autofocus onClick={closeOverlays}>
          Keep presenting
        </button>
        <button type="button" className="button primary" onClick={() => setPresentation(false)}>
          Turn it off
        </button>
      </div>
    </Dialog>
  );
}
