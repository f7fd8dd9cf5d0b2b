/**
 * The reader's comfort settings (theme, text size, panes, search filters, last
 * position): loaded once at start, applied to the document, saved through
 * `settings.set` so they survive a restart.
 *
 * Constraint: the page stays usable if saving fails (a toast says so, but not
 * for locked notes: presenting from the lock screen saves nothing); writes
 * are chained so a late answer never overwrites a newer choice.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../shared/contract/types';
import { api } from '../api';
import { createStore } from '../lib/store';
import { toastError } from './toasts';

export const settings = createStore<Settings>(DEFAULT_SETTINGS);

export function applyToDocument(s: Settings): void {
  const root = document.documentElement;
  root.dataset.theme = s.theme;
  root.style.setProperty('--reading-size', `${s.textSize}px`);
}

export async function loadSettings(): Promise<void> {
  const res = await api.settings.get({});
  if (res.ok) settings.set(res.value);
  else toastError(`Your settings could not be read (${res.error.message}); using the defaults.`);
  applyToDocument(settings.get());
}

let chain: Promise<unknown> = Promise.resolve();

export function updateSettings(patch: Partial<Settings>): void {
  settings.set(patch);
  applyToDocument(settings.get());
  chain = chain.then(async () => {
    const res = await api.settings.set({ patch });
    // Locked notes (the settings live in the encrypted database): the choice holds for this session only.
    if (!res.ok && res.error.code !== 'LOCKED') toastError(`Setting not saved: ${res.error.message}`);
  });
}
