/**
 * The words for the user's marks: positions (with the icon each is shown
 * with), priorities and colours. The reader, the Notes panel and every export
 * (Markdown, Word, HTML, CSV) say them the same way.
 *
 * Constraint: a position is never told by colour alone; on screen every use
 * shows the icon and the words (colour-blind delegates, black-and-white print).
 * A colour's label is its default name: the user may rename it (notes.palette).
 */
import type { Color, Position, Priority } from '../contract/types';

export const POSITION_LABELS: Readonly<Record<Position, { label: string; icon: string }>> = {
  support: { label: 'Support', icon: '✓' },
  'support-with-amendments': { label: 'Support with amendments', icon: '±' },
  oppose: { label: 'Oppose', icon: '✕' },
  'red-line': { label: 'Red line', icon: '‼' },
  'no-position': { label: 'No position yet', icon: '○' },
  'ask-capital': { label: 'Ask capital', icon: '?' },
};

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = { high: 'High', medium: 'Medium', low: 'Low' };

export const COLOR_LABELS: Readonly<Record<Color, string>> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  red: 'Red',
  purple: 'Purple',
};
