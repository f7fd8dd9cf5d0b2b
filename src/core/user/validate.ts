/**
 * Checks of user input against the content: the target exists, a selector
 * matches the block text exactly, and positions are only set where the
 * document asks for a stance (policy options and practical actions).
 *
 * Constraint: throws CoreError with a message a user can act on; never trusts
 * offsets or quotes computed by the renderer or typed on the command line.
 */
import { CoreError } from '../../shared/contract/result';
import type { Position, Priority, Selector } from '../../shared/contract/types';
import type { Block, BlockKind } from '../../shared/model';
import type { ContentLookup } from '../content/lookup';
import { contextAround } from './records';

/** Block kinds on which a negotiating position and priority can be recorded. */
export const POSITIONABLE: ReadonlySet<BlockKind> = new Set<BlockKind>([
  'policy-option',
  'practical-action',
  'practical-action-item',
]);

export function requireBlock(content: ContentLookup, blockId: string): Block {
  const block = content.block(blockId);
  if (!block) throw new CoreError('NOT_FOUND', `no block with id ${blockId}`);
  return block;
}

/** A bookmark may target a block or a section (a whole focus area). */
export function requireTarget(content: ContentLookup, targetId: string): void {
  if (!content.block(targetId) && !content.section(targetId)) {
    throw new CoreError('NOT_FOUND', `no block or section with id ${targetId}`);
  }
}

/**
 * The selector must quote the block's text at [start, end) exactly. Prefix and
 * suffix are always recomputed from the block text, so they are right whatever
 * the caller sent (they drive re-anchoring later).
 */
export function checkSelector(block: Block, selector: Selector): Selector {
  const { start, end, exact } = selector;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start)) {
    throw new CoreError('INVALID_ARGUMENT', 'selector: start and end must be offsets with end after start');
  }
  if (end > block.text.length) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `selector: end ${end} is past the end of block ${block.id} (${block.text.length} characters)`,
    );
  }
  const actual = block.text.slice(start, end);
  if (actual !== exact) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `selector: the quote does not match the text of block ${block.id} at ${start}–${end}`,
    );
  }
  return { exact, start, end, ...contextAround(block.text, start, end) };
}

/**
 * Positions and priorities belong on policy options and practical actions.
 * `block` null means the annotation is unattached: only clearing, or keeping
 * the value it already has, is allowed then.
 */
export function checkPositionAllowed(
  block: Block | null,
  wanted: { position: Position | null; priority: Priority | null },
  current: { position: Position | null; priority: Priority | null } = { position: null, priority: null },
): void {
  const changesTo = (key: 'position' | 'priority'): boolean => wanted[key] !== null && wanted[key] !== current[key];
  if (!changesTo('position') && !changesTo('priority')) return;
  if (!block) throw new CoreError('INVALID_ARGUMENT', 'a position or priority cannot be set on an unattached note');
  if (!POSITIONABLE.has(block.kind)) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `positions and priorities are only for policy options and practical actions; ${block.id} is a ${block.kind}`,
    );
  }
}
