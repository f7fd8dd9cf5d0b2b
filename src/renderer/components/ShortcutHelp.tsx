/** The keyboard shortcuts, opened with ? */
import type { ReactNode } from 'react';
import { closeOverlays } from '../state/ui';
import { Dialog } from './Dialog';
import { MOD } from './TopBar';

const SHORTCUTS: Array<[string, string]> = [
  [`${MOD}+K  or  ${MOD}+F`, 'Search'],
  [`${MOD}+Shift+K`, 'Command palette: any command, a recent place, a section by its label or title'],
  ['J / K', 'Next / previous paragraph or item'],
  ['[ / ]', 'Previous / next focus area'],
  ['B', 'Bookmark the current item'],
  ['N', 'Write a note on the current item'],
  ['C', 'Copy the current item with its citation'],
  [`${MOD}+C`, 'Copy the selected words with their citation and link'],
  ['V', 'Select words in the current item: ← → move, Shift+← → extend, Enter highlight, N note, Esc leave'],
  ['Alt+1 / 2 / 3 / 4', 'Go to the outline / the text / your notes / the positions'],
  ['Alt+← / Alt+→', 'Back / Forward (also the mouse’s side buttons)'],
  [`${MOD}+Shift+P`, 'Presentation mode: hide your notes, positions and bookmarks'],
  [`${MOD}+Z`, 'Undo the last change to your notes'],
  ['?', 'This list'],
  ['Esc', 'Close a dialog, popover or search'],
  ['↑ ↓ ← →', 'Move in the outline, the results and the tabs'],
];

export function ShortcutHelp(): ReactNode {
  return (
    <Dialog title="Keyboard shortcuts" onClose={closeOverlays} className="help-dialog">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Select words in the text to highlight them or to write a note on that passage.</p>
    </Dialog>
  );
}
