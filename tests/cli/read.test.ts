/**
 * search, show, outline — run for real over the content database; their
 * --json output is the core's own answer for the channel (docs/cli.md).
 */
import { describe, expect, it, vi } from 'vitest';
import { ContentStore } from '../../src/core/content/store';
import type {
  BlockPayload,
  FootnotePayload,
  OutlineNode,
  SearchResult,
  SectionPayload,
} from '../../src/shared/contract/types';
import { cli, cliJson, core, expectOneLineError, tempDir } from './run';

const data = tempDir();

function flatten(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

describe('outline', () => {
  it('--json is the content.outline result', async () => {
    expect(await cliJson<OutlineNode[]>(data, 'outline')).toEqual(await core('content.outline', {}));
  });

  it('lists every section with its id, indented by depth', async () => {
    const run = await cli(data, 'outline');
    expect(run.code).toBe(0);
    const nodes = flatten(await core('content.outline', {}));
    const lines = run.out.trimEnd().split('\n');
    expect(lines).toHaveLength(nodes.length);
    nodes.forEach((node, i) => expect(lines[i]).toContain(`(${node.id})`));
    const cluster = lines.find((l) => l.includes('(c2)'))!;
    const focus = lines.find((l) => l.includes('(c2.f1)'))!;
    expect(focus.search(/\S/)).toBeGreaterThan(cluster.search(/\S/));
  });
});

describe('search', () => {
  it('--json is the search.query result', async () => {
    const mine = await cliJson<SearchResult>(data, 'search', 'remittances');
    expect(mine).toEqual(await core('search.query', { q: 'remittances' }));
    expect(mine.total).toBeGreaterThan(0);
  });

  it('joins the words of the query and passes the filters', async () => {
    const run = await cliJson<SearchResult>(
      data,
      'search',
      'skills',
      'recognition',
      '--cluster',
      '2',
      '--kind',
      'policy-option',
      '--limit',
      '3',
    );
    expect(run).toEqual(
      await core('search.query', { q: 'skills recognition', clusters: [2], kinds: ['policy-option'], limit: 3 }),
    );
    expect(run.hits.length).toBeGreaterThan(0);
    expect(run.hits.length).toBeLessThanOrEqual(3);
    for (const hit of run.hits) {
      expect(hit.kind).toBe('policy-option');
      expect(hit.pageId.startsWith('c2.')).toBe(true);
    }
  });

  it('prints each hit with its label and id', async () => {
    const result = await core('search.query', { q: 'remittances', limit: 5 });
    const run = await cli(data, 'search', 'remittances', '--limit', '5');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${result.total} results for "remittances"`);
    for (const hit of result.hits) expect(run.out).toContain(`${hit.label}  (${hit.id})`);
  });

  it('refuses bad filters as usage errors and a missing query', async () => {
    expect(expectOneLineError(await cli(data, 'search', 'x', '--cluster', '7'), 2)).toContain('--cluster');
    expect(expectOneLineError(await cli(data, 'search', 'x', '--kind', 'poem'), 2)).toContain('--kind');
    expect(expectOneLineError(await cli(data, 'search', 'x', '--limit', '0'), 2)).toContain('--limit');
    expectOneLineError(await cli(data, 'search'), 2);
  });

  it('--offset pages on to the last hit, with the same total', async () => {
    const first = await cliJson<SearchResult>(data, 'search', 'migrants', '--limit', '100');
    expect(first.total).toBeGreaterThan(100);
    const run = await cli(data, 'search', 'migrants', '--limit', '100');
    expect(run.out).toContain('More: --offset 100');
    const last = await cliJson<SearchResult>(
      data,
      'search',
      'migrants',
      '--limit',
      '100',
      '--offset',
      String(first.total - 1),
    );
    expect(last.total).toBe(first.total);
    expect(last.hits).toHaveLength(1);
    expect(expectOneLineError(await cli(data, 'search', 'x', '--offset', '-1'), 2)).toContain('--offset');
  });

  it('says when no passage has every word, which words were not found, and what each hit matched', async () => {
    const result = await core('search.query', { q: 'seafarers xylophone' });
    expect(result.allWords).toBe(false);
    expect(result.missing).toEqual(['xylophone']);
    const run = await cli(data, 'search', 'seafarers', 'xylophone');
    expect(run.out).toContain(
      'No passage has all your words — showing passages with some of them; not found: xylophone',
    );
    expect(run.out).toContain('[matches: seafarers]');
  });

  it('names the thesaurus words also searched, and --no-expand leaves them out', async () => {
    expect((await cli(data, 'search', 'deportation')).out).toContain('Also searched: return, readmission');
    const plain = await cliJson<SearchResult>(data, 'search', 'deportation', '--no-expand');
    expect(plain).toMatchObject({ total: 0, expanded: [] });
  });

  it('fails on a query over the length limit', async () => {
    expect(expectOneLineError(await cli(data, 'search', 'a'.repeat(501)), 1)).toContain('longer than 500');
  });
});

describe('show', () => {
  it('a block: --json wraps content.block, text printed in full', async () => {
    const payload = await core('content.block', { id: 'c2.f3.po.1' });
    expect(await cliJson<{ type: string; data: BlockPayload }>(data, 'show', 'c2.f3.po.1')).toEqual({
      type: 'block',
      data: payload,
    });
    const run = await cli(data, 'show', 'c2.f3.po.1');
    expect(run.out).toContain(payload.block.label);
    expect(run.out.replace(/\s+/g, ' ')).toContain(payload.block.text.replace(/\s+/g, ' '));
  });

  it('a section: --json wraps content.section, every block listed', async () => {
    const payload = await core('content.section', { id: 'c2.f3' });
    expect(await cliJson<{ type: string; data: SectionPayload }>(data, 'show', 'c2.f3')).toEqual({
      type: 'section',
      data: payload,
    });
    const run = await cli(data, 'show', 'c2.f3');
    for (const block of payload.blocks) expect(run.out).toContain(`(${block.id})`);
  });

  it('a footnote by fn.N', async () => {
    const cited =
      (await core('content.block', { id: 'c2.f3.po.1' })).footnotes[0] ??
      (await core('content.section', { id: 'c2.f2' })).footnotes[0];
    const payload = await core('content.footnote', { number: cited.number });
    expect(await cliJson<{ type: string; data: FootnotePayload }>(data, 'show', cited.id)).toEqual({
      type: 'footnote',
      data: payload,
    });
  });

  it('everything the overlay jumps to: labels, footnote and PfP numbers, pasted links', async () => {
    const po = await core('content.block', { id: 'c2.f2.po.1' });
    for (const args of [['2.2 PO 1'], ['2.2', 'PO', '1'], ['recollection://block/c2.f2.po.1']])
      expect(await cliJson<{ type: string; data: BlockPayload }>(data, 'show', ...args), args.join(' ')).toEqual({
        type: 'block',
        data: po,
      });
    expect(await cliJson<{ type: string; data: SectionPayload }>(data, 'show', '2.2')).toMatchObject({
      type: 'section',
      data: { section: { id: 'c2.f2' } },
    });
    // Footnote 55 links to gfmd.org/pfp/ppd/5424 (the ILO fair recruitment principles).
    const fn55 = await core('content.footnote', { number: 55 });
    for (const q of ['ppd 5424', 'PfP 5424', 'https://www.gfmd.org/pfp/ppd/5424', 'footnote 55'])
      expect(await cliJson<{ type: string; data: FootnotePayload }>(data, 'show', q), q).toEqual({
        type: 'footnote',
        data: fn55,
      });
  });

  it('resolves labels and numbers without loading the search index (search loads it)', async () => {
    const loads = vi.spyOn(ContentStore.prototype, 'searchIndexData');
    try {
      for (const q of ['2.2 PO 1', 'ppd 5424', 'footnote 55', '2.2'])
        expect((await cli(data, 'show', q)).code, q).toBe(0);
      expect(loads).not.toHaveBeenCalled();
      expect((await cli(data, 'search', 'remittances')).code).toBe(0);
      expect(loads).toHaveBeenCalledTimes(1);
    } finally {
      loads.mockRestore();
    }
  });

  it('an unknown id fails with one line, a malformed one too', async () => {
    expect(expectOneLineError(await cli(data, 'show', 'c9.f9.po.9'), 1)).toBe(
      'recollection: no block, section or footnote "c9.f9.po.9"',
    );
    expectOneLineError(await cli(data, 'show', 'not an id'), 1);
    expectOneLineError(await cli(data, 'show', 'fn.99999'), 1);
    expectOneLineError(await cli(data, 'show'), 2);
  });
});
