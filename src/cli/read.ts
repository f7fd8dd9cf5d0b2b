/**
 * Reading commands: search, show, outline.
 *
 * Constraint: the same answers as the app — every call goes through the core's
 * dispatch() with the channel's schema; --json prints the channel's result
 * (documented in docs/cli.md).
 */
import type { SearchKind } from '../shared/contract/types';
import { LIMITS } from '../shared/limits';
import { CliError, nullIfNotFound, optInteger, optMembers, optStrings, parseInteger, type Command } from './context';
import { blockLines, footnoteLines, outlineLines, searchLines, sectionLines } from './format';

const KINDS: readonly SearchKind[] = ['policy-option', 'practical-action', 'example', 'context', 'footnote', 'note'];

export const search: Command = {
  name: 'search',
  usage: 'search <query…> [--cluster N]… [--kind K]… [--limit N] [--json]',
  summary: 'full-text search of the document (and of your notes with --kind note)',
  options: ['cluster', 'kind', 'limit'],
  positionals: [1, Infinity],
  async run(ctx) {
    const q = ctx.args.join(' ');
    if (q.length > LIMITS.queryLength) throw new CliError(`the query is longer than ${LIMITS.queryLength} characters`);
    const clusters = optStrings(ctx.values, 'cluster').map((raw) => parseInteger('cluster', raw, 1, 6));
    const kinds = optMembers(ctx.values, 'kind', KINDS);
    const limit = optInteger(ctx.values, 'limit', 1, LIMITS.pageSize);
    const result = await ctx.call('search.query', {
      q,
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
  usage: 'show <id> [--json]',
  summary: 'print a block (c2.f3.po.1), a page or section (c2.f3, p3.s2) or a footnote (fn.54)',
  options: [],
  positionals: [1, 1],
  async run(ctx) {
    const id = ctx.args[0];
    const footnote = FOOTNOTE_ID.exec(id);
    if (footnote) {
      const data = await ctx.call('content.footnote', { number: Number(footnote[1]) });
      return ctx.json ? ctx.printJson({ type: 'footnote', data }) : ctx.print(...footnoteLines(data));
    }
    // An id is either a block or a section; the block is tried first (most ids are blocks).
    const block = await ctx.call('content.block', { id }).catch(nullIfNotFound);
    if (block) return ctx.json ? ctx.printJson({ type: 'block', data: block }) : ctx.print(...blockLines(block));
    const section = await ctx.call('content.section', { id }).catch(nullIfNotFound);
    if (section)
      return ctx.json ? ctx.printJson({ type: 'section', data: section }) : ctx.print(...sectionLines(section));
    throw new CliError(`no block, section or footnote "${id}"`, 'NOT_FOUND');
  },
};

export const outline: Command = {
  name: 'outline',
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
