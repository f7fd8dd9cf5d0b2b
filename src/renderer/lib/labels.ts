/**
 * Human words for the document's codes as the reader shows them: block kinds,
 * search kinds and their style classes. The words for the user's own marks
 * (positions, priorities, colours), which the exports say too, are in
 * shared/vocabulary/labels.ts.
 */
import type { SearchKind } from '../../shared/contract/types';
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
