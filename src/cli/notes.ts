/**
 * Note-taking commands: bookmark add|remove|list, annotate, notes.
 *
 * Constraints: a --quote is anchored exactly as the app anchors a selection
 * (the first occurrence in the block's text, with the same context), and a
 * quote that is not in the block is an error, never a note on the wrong words.
 */
import { contextAround } from '../core/user/records';
import type { Args } from '../shared/contract/channels';
import { COLORS, POSITIONS, PRIORITIES } from '../shared/contract/types';
import type { Selector } from '../shared/contract/types';
import {
  CliError,
  optMember,
  optMembers,
  optString,
  optStrings,
  UsageError,
  type Command,
  type Context,
} from './context';
import { annotationLines, bookmarkLine, noteLineStream } from './format';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function removeBookmarks(ctx: Context, id: string): Promise<string[]> {
  if (UUID.test(id)) return [(await ctx.call('bookmarks.remove', { id })).id];
  const matching = (await ctx.call('bookmarks.list', {})).filter((b) => b.targetId === id);
  if (!matching.length) throw new CliError(`no bookmark on "${id}"`, 'NOT_FOUND');
  const removed: string[] = [];
  for (const b of matching) removed.push((await ctx.call('bookmarks.remove', { id: b.id })).id);
  return removed;
}

export const bookmark: Command = {
  name: 'bookmark',
  usage: 'bookmark add <id> [--label L] | bookmark remove <bookmark-id | id> | bookmark list',
  summary: 'add, remove (by bookmark id, or every bookmark on a block or section) or list bookmarks',
  options: ['label'],
  positionals: [1, 2],
  async run(ctx) {
    const [action, id] = ctx.args;
    const label = optString(ctx.values, 'label');
    if (action === 'list' && id === undefined) {
      const list = await ctx.call('bookmarks.list', {});
      return ctx.json ? ctx.printJson(list) : ctx.print(...(list.length ? list.map(bookmarkLine) : ['No bookmarks.']));
    }
    if (id === undefined) throw new UsageError(`bookmark ${action ?? ''}: which block or section?`);
    if (action === 'add') {
      const added = await ctx.call('bookmarks.add', { targetId: id, ...(label !== undefined ? { label } : {}) });
      return ctx.json ? ctx.printJson(added) : ctx.print(`Added ${bookmarkLine(added)}`);
    }
    if (action === 'remove') {
      if (label !== undefined) throw new UsageError('bookmark remove takes no --label');
      const removed = await removeBookmarks(ctx, id);
      return ctx.json ? ctx.printJson({ removed }) : ctx.print(...removed.map((r) => `Removed bookmark ${r}`));
    }
    throw new UsageError(`bookmark: unknown action "${action}" (add, remove or list)`);
  },
};

/** The selector of the first occurrence of `quote` in `text`, or null. */
export function selectorFor(text: string, quote: string): Selector | null {
  const start = quote ? text.indexOf(quote) : -1;
  if (start < 0) return null;
  const end = start + quote.length;
  return { exact: quote, start, end, ...contextAround(text, start, end) };
}

export const annotate: Command = {
  name: 'annotate',
  usage: 'annotate <block-id> [--quote TEXT] [--note TEXT] [--tag T]… [--color C] [--position P] [--priority P]',
  summary:
    "add a note to a block, or to a quoted passage of it (its first occurrence); --position/--priority set the option's position",
  options: ['quote', 'note', 'tag', 'color', 'position', 'priority'],
  positionals: [1, 1],
  async run(ctx) {
    const blockId = ctx.args[0];
    const quote = optString(ctx.values, 'quote');
    const args: Args<'annotations.create'> = { blockId, tags: optStrings(ctx.values, 'tag') };
    const note = optString(ctx.values, 'note');
    const color = optMember(ctx.values, 'color', COLORS);
    const position = optMember(ctx.values, 'position', POSITIONS);
    const priority = optMember(ctx.values, 'priority', PRIORITIES);
    if (note !== undefined) args.note = note;
    if (color !== undefined) args.color = color;
    // A position belongs to the option, not to the note: set it first (it checks the block takes one).
    if (position !== undefined || priority !== undefined) {
      const set = await ctx.call('positions.set', {
        targetId: blockId,
        ...(position !== undefined ? { position } : {}),
        ...(priority !== undefined ? { priority } : {}),
      });
      const onlyPosition = note === undefined && color === undefined && quote === undefined && !args.tags?.length;
      if (onlyPosition) {
        if (ctx.json) ctx.printJson(set);
        else
          ctx.print(
            `Position on ${blockId}: ${[set?.position, set?.priority && `priority ${set.priority}`].filter(Boolean).join(', ')}`,
          );
        return;
      }
    }
    if (quote !== undefined) {
      const { block } = await ctx.call('content.block', { id: blockId });
      const selector = selectorFor(block.text, quote);
      if (!selector) throw new CliError(`the quote does not occur in ${blockId}`, 'INVALID_ARGUMENT');
      args.selector = selector;
    }
    const created = await ctx.call('annotations.create', args);
    if (ctx.json) ctx.printJson(created);
    else ctx.print('Added', ...annotationLines(created));
  },
};

export const notes: Command = {
  name: 'notes',
  readOnly: true,
  usage: 'notes [--tag T]… [--color C]… [--position P]… [--priority P]… [--text S] [--sort document|date] [--json]',
  summary: 'list your notes and bookmarks, filtered',
  options: ['tag', 'color', 'position', 'priority', 'text', 'sort'],
  positionals: [0, 0],
  async run(ctx) {
    const filter: NonNullable<Args<'notes.list'>['filter']> = {};
    const tags = optStrings(ctx.values, 'tag');
    const colors = optMembers(ctx.values, 'color', COLORS);
    const positions = optMembers(ctx.values, 'position', POSITIONS);
    const priorities = optMembers(ctx.values, 'priority', PRIORITIES);
    const text = optString(ctx.values, 'text');
    if (tags.length) filter.tags = tags;
    if (colors.length) filter.colors = colors;
    if (positions.length) filter.positions = positions;
    if (priorities.length) filter.priorities = priorities;
    if (text !== undefined) filter.text = text;
    const sort = optMember(ctx.values, 'sort', ['document', 'date'] as const);
    const list = await ctx.call('notes.list', { filter, ...(sort ? { sort } : {}) });
    if (ctx.json) ctx.printJson(list);
    else await ctx.printLines(noteLineStream(list));
  },
};
