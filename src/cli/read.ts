/**
 * Reading commands: search, show, outline.
 *
 * Constraint: the same answers as the app — every call goes through the core's
 * dispatch() with the channel's schema; --json prints the channel's result
 * (documented in docs/cli.md).
 */
import type { SearchKind } from '../shared/contract/types';
import { LIMITS } from '../shared/limits';
import {
  CliError,
  nullIfNotFound,
  optFlag,
  optInteger,
  optMembers,
  optStrings,
  parseInteger,
  type Command,
} from './context';
import { blockLines, footnoteLines, outlineLines, searchLines, sectionLines } from './format';

const KINDS: readonly SearchKind[] = ['policy-option', 'practical-action', 'example', 'context', 'footnote', 'note'];

export const search: Command = {
  name: 'search',
  readOnly: true,
  usage: 'search <query…> [--cluster N]… [--kind K]… [--limit N] [--offset N] [--no-expand] [--json]',
  summary: 'full-text search of the document (and of your notes with --kind note)',
  options: ['cluster', 'kind', 'limit', 'offset', 'no-expand'],
  positionals: [1, Infinity],
  async run(ctx) {
    const q = ctx.args.join(' ');
    if (q.length > LIMITS.queryLength) throw new CliError(`the query is longer than ${LIMITS.queryLength} characters`);
    const clusters = optStrings(ctx.values, 'cluster').map((raw) => parseInteger('cluster', raw, 1, 6));
    const kinds = optMembers(ctx.values, 'kind', KINDS);
    const limit = optInteger(ctx.values, 'limit', 1, LIMITS.pageSize);
    const offset = optInteger(ctx.values, 'offset', 0, 10_000);
    const result = await ctx.call('search.query', {
      q,
      ...(offset !== undefined ? { offset } : {}),
      ...(optFlag(ctx.values, 'no-expand') ? { expand: false } : {}),
      ...(clusters.length ? { clusters } : {}),
      ...(kinds.length ? { kinds, includeNotes: kinds.includes('note') } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    if (ctx.json) ctx.printJson(result);
    else ctx.print(...searchLines(result));
  },
};

/** `fn.12` names footnote 12. */
const FOOTNOTE_ID = /^fn\.(\d{1,5})$/;

export const show: Command = {
  name: 'show',
  readOnly: true,
  usage: 'show <id or label…> [--json]',
  summary:
    'print a block (c2.f3.po.1, "2.2 PO 1"), a page or section (c2.f3, 2.2, p3.s2), a footnote (fn.54, "footnote 54", "ppd 5424") or a pasted recollection:// link',
  options: [],
  positionals: [1, Infinity],
  async run(ctx) {
    const id = ctx.args.join(' ').trim();
    if (id.length > LIMITS.queryLength) throw new CliError(`the id is longer than ${LIMITS.queryLength} characters`);
    const footnote = FOOTNOTE_ID.exec(id);
    if (footnote) return showFootnote(ctx, Number(footnote[1]));
    // An id is either a block or a section; the block is tried first (most ids are blocks).
    if (/^[A-Za-z0-9._:-]{1,100}$/.test(id) && (await showId(ctx, id))) return;
    // Anything else the overlay's "Go to" understands: the same resolver (search.jump).
    const target = await ctx.call('search.jump', { q: id });
    if (target?.footnote !== undefined) return showFootnote(ctx, target.footnote);
    if (target && (await showId(ctx, target.blockId ?? target.pageId))) return;
    throw new CliError(`no block, section or footnote "${id}"`, 'NOT_FOUND');
  },
};

async function showFootnote(ctx: Parameters<Command['run']>[0], number: number): Promise<void> {
  const data = await ctx.call('content.footnote', { number });
  return ctx.json ? ctx.printJson({ type: 'footnote', data }) : ctx.print(...footnoteLines(data));
}

async function showId(ctx: Parameters<Command['run']>[0], id: string): Promise<boolean> {
  const block = await ctx.call('content.block', { id }).catch(nullIfNotFound);
  if (block) {
    if (ctx.json) ctx.printJson({ type: 'block', data: block });
    else ctx.print(...blockLines(block));
    return true;
  }
  const section = await ctx.call('content.section', { id }).catch(nullIfNotFound);
  if (!section) return false;
  if (ctx.json) ctx.printJson({ type: 'section', data: section });
  else ctx.print(...sectionLines(section));
  return true;
}

export const outline: Command = {
  name: 'outline',
  readOnly: true,
  usage: 'outline [--json]',
  summary: 'the table of contents with ids and item counts',
  options: [],
  positionals: [0, 0],
  async run(ctx) {
    const tree = await ctx.call('content.outline', {});
    if (ctx.json) ctx.printJson(tree);
    else ctx.print(...outlineLines(tree));
  },
};
