/**
 * Human words for the model's codes: block kinds, search kinds, positions and
 * priorities, with the fixed colour and the icon each position is shown with.
 *
 * Constraint: a position is never told by colour alone; every use shows the
 * icon and the words as well (colour-blind delegates, black-and-white print).
 */
import type { Position, Priority, SearchKind } from '../../shared/contract/types';
import type { BlockKind, GroupKind } from '../../shared/model';

export const BLOCK_KIND: Record<BlockKind, string> = {
  title: 'Title',
  paragraph: 'Context',
  bullet: 'Context',
  'policy-option': 'Policy option',
  'practical-action': 'Practical action',
  'practical-action-item': 'Practical action',
  example: 'Example',
  quotation: 'Quotation',
};

export const SEARCH_KIND: Record<SearchKind, string> = {
  'policy-option': 'Policy option',
  'practical-action': 'Practical action',
  example: 'Example',
  context: 'Context',
  footnote: 'Footnote',
  note: 'My note',
};

export const GROUP_CLASS: Record<GroupKind, string> = { po: 'kind-po', pa: 'kind-pa', ex: 'kind-ex' };

export function kindClass(kind: BlockKind): string {
  if (kind === 'policy-option') return 'kind-po';
  if (kind === 'practical-action' || kind === 'practical-action-item') return 'kind-pa';
  if (kind === 'example') return 'kind-ex';
  return 'kind-text';
}

/** Blocks that can hold a negotiating position (the core refuses others). */
export function takesPosition(kind: BlockKind): boolean {
  return kind === 'policy-option' || kind === 'practical-action' || kind === 'practical-action-item';
}

export const POSITION: Record<Position, { label: string; icon: string }> = {
  support: { label: 'Support', icon: '✓' },
  'support-with-amendments': { label: 'Support with amendments', icon: '±' },
  oppose: { label: 'Oppose', icon: '✕' },
  'red-line': { label: 'Red line', icon: '‼' },
  'no-position': { label: 'No position yet', icon: '○' },
  'ask-capital': { label: 'Ask capital', icon: '?' },
};

export const PRIORITY: Record<Priority, string> = { high: 'High', medium: 'Medium', low: 'Low' };
