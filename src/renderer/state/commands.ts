/**
 * What the command palette (components/CommandPalette.tsx) can do: every app
 * command, named as a person would look for it, with its shortcut. Each runs
 * the same function as its button, menu item or key, so there is one
 * implementation per command.
 *
 * Constraint: presentation-safe. In presentation mode the commands that
 * would show or change something private (the notes and positions panes, the
 * matrix, export, import, backup) are not offered, and "Turn presentation
 * mode off" only when typed out in full; no command's name holds anything of
 * a note.
 */
import { TEXT_SIZE, THEMES, type Theme } from '../../shared/contract/values';
import { focusPane } from '../components/pane-focus';
import { goHistory } from './nav';
import { togglePresentation } from './presentation';
import { settings, updateSettings } from './settings';
import { openDialog, openMatrix, openSearch } from './ui';

export interface Command {
  id: string;
  title: string;
  /** Other words a person may type for it (matched too, never shown). */
  keywords?: string;
  /** The shortcut, as shown (e.g. "Ctrl+Shift+P"). */
  keys?: string;
  /** Only outside presentation mode. */
  private?: boolean;
  /** Offered only when its title is typed out in full, never as a fuzzy match nor in the unfiltered list. */
  exactOnly?: boolean;
  run: () => void;
}

const THEME_NAMES: Record<Theme, string> = { system: 'as the system', light: 'light', dark: 'dark' };

function textSize(delta: 1 | -1): void {
  const size = settings.get().textSize + delta;
  updateSettings({ textSize: Math.max(TEXT_SIZE.min, Math.min(TEXT_SIZE.max, size)) });
}

/** The commands (`mod` is "Ctrl" or "⌘"), the private ones left out in presentation mode. */
export function appCommands(mod: string, presentation: boolean): Command[] {
  const all: Command[] = [
    {
      id: 'presentation',
      title: presentation ? 'Turn presentation mode off' : 'Turn presentation mode on',
      keywords: 'projector share screen hide notes present',
      keys: `${mod}+Shift+P`,
      // Leaving presentation mode is an explicit choice: "notes" + Enter must not show the notes to the room.
      ...(presentation ? { exactOnly: true } : {}),
      run: togglePresentation,
    },
    { id: 'search', title: 'Search the document', keywords: 'find', keys: `${mod}+K`, run: openSearch },
    { id: 'back', title: 'Back', keywords: 'history previous place', keys: 'Alt+←', run: () => void goHistory(-1) },
    { id: 'forward', title: 'Forward', keywords: 'history next place', keys: 'Alt+→', run: () => void goHistory(1) },
    {
      id: 'focus-outline',
      title: 'Focus the outline',
      keywords: 'contents tree',
      keys: 'Alt+1',
      run: () => focusPane('outline'),
    },
    {
      id: 'focus-reader',
      title: 'Focus the text',
      keywords: 'reader document',
      keys: 'Alt+2',
      run: () => focusPane('reader'),
    },
    { id: 'focus-notes', title: 'Focus your notes', keys: 'Alt+3', private: true, run: () => focusPane('notes') },
    {
      id: 'focus-positions',
      title: 'Focus the positions',
      keys: 'Alt+4',
      private: true,
      run: () => focusPane('positions'),
    },
    { id: 'matrix', title: 'Open the positions matrix', keywords: 'table stances', private: true, run: openMatrix },
    {
      id: 'export',
      title: 'Export notes…',
      keywords: 'save brief csv markdown docx',
      private: true,
      run: () => openDialog('export'),
    },
    {
      id: 'import',
      title: 'Import notes…',
      keywords: 'open load file',
      private: true,
      run: () => openDialog('import'),
    },
    {
      id: 'backup',
      title: 'Back up now',
      keywords: 'backup copy safe',
      private: true,
      run: () => openDialog('backup'),
    },
    { id: 'print', title: 'Print this section…', keywords: 'pdf paper', keys: `${mod}+P`, run: () => window.print() },
    ...THEMES.map((t): Command => ({
      id: `theme-${t}`,
      title: `Theme: ${THEME_NAMES[t]}`,
      keywords: t === 'dark' ? 'night colours colors' : 'day colours colors',
      run: () => updateSettings({ theme: t }),
    })),
    { id: 'text-larger', title: 'Larger text (A+)', keywords: 'font size zoom bigger', run: () => textSize(1) },
    { id: 'text-smaller', title: 'Smaller text (A−)', keywords: 'font size zoom', run: () => textSize(-1) },
    { id: 'shortcuts', title: 'Keyboard shortcuts', keywords: 'help keys', keys: '?', run: () => openDialog('help') },
  ];
  return presentation ? all.filter((c) => !c.private) : all;
}
