/**
 * Core tier: every channel of the contract called through dispatch() on the real
 * content database and a fresh user database in a temporary folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/shared/contract/types';
import { EXPORT_FORMATS } from '../../src/shared/contract/values';
import { FORMATS } from '../../src/shared/vocabulary/formats';
import { openTestCore, removeDir, type TestCore } from '../support/core';

let t: TestCore;
beforeAll(() => {
  t = openTestCore();
});
afterAll(() => {
  t.close();
  removeDir(t.dataDir);
});

describe('app and content channels', () => {
  it('app.status reports the content and no recovery', async () => {
    const s = await t.value('app.status', {});
    expect(s.content).toEqual({ ok: true, code: null, message: null }); // the failures: content-status.test.ts
    expect(s.recovery).toBeNull();
    expect(s.electron).toBe(false);
  });

  it('a shell-only channel on the core says, as a sentence, that it needs the desktop app', async () => {
    expect(await t.call('app.openExternal', { url: 'https://www.gfmd.org/' })).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'This action needs the desktop app.' },
    });
  });

  it('content.meta names the document and its source', async () => {
    const m = await t.value('content.meta', {});
    expect(m.title).toMatch(/Thematic Recollection 2007/);
    expect(m.sourceSha256).toBe('50e3e21096dd4d0910b8cdb42214ec24f42418eb4cab7168b1478001c0140538');
    expect(m.counts).toMatchObject({ clusters: 6, focusAreas: 21, footnotes: 168 });
  });

  it('content.outline has parts I–IV, 6 clusters and 21 focus areas with counts', async () => {
    const outline = await t.value('content.outline', {});
    const parts = outline.filter((n) => n.kind === 'part');
    expect(parts.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    const clusters = parts[1].children.filter((n) => n.kind === 'cluster');
    expect(clusters).toHaveLength(6);
    const areas = clusters.flatMap((c) => c.children.filter((n) => n.kind === 'focus-area'));
    expect(areas.map((a) => a.children.length)).toEqual(Array(21).fill(3));
    expect(areas.find((a) => a.id === 'c2.f2')?.counts).toEqual({ po: 3, pa: 3, ex: 4 });
  });

  it('content.section gives a focus area with its groups, blocks, footnotes and neighbours', async () => {
    const s = await t.value('content.section', { id: 'c2.f2' });
    expect(s.section.title).toBe('Fair and ethical recruitment of migrant workers');
    expect(s.children.map((c) => c.id)).toEqual(['c2.f2.po', 'c2.f2.pa', 'c2.f2.ex']);
    expect(s.blocks[0].id).toBe('c2.f2.po.1');
    expect(s.blocks[0].text).toMatch(/^Protect women and men migrants through/);
    expect(s.breadcrumb.map((c) => c.id)).toEqual(['p2', 'c2', 'c2.f2']);
    expect(s.prevId).toBe('c2.f1');
    expect(s.nextId).toBe('c2.f3');
    const cited = new Set(s.blocks.flatMap((b) => b.footnoteRefs.map((r) => r.number)));
    expect(s.footnotes.map((f) => f.number).sort((a, b) => a - b)).toEqual([...cited].sort((a, b) => a - b));
  });

  it('content.block, content.footnote and NOT_FOUND', async () => {
    const b = await t.value('content.block', { id: 'c2.f2.po.1' });
    expect(b.block.label).toBe('Cluster 2 (2), Policy option 1');
    expect(b.pageId).toBe('c2.f2');
    const f = await t.value('content.footnote', { number: 53 });
    expect(f.footnote.urls).toContain('http://gfmd.org/pfp/ppd/215');
    expect(f.footnote.pfpIds).toEqual([215]);
    for (const [channel, args] of [
      ['content.block', { id: 'c9.f9.po.9' }],
      ['content.section', { id: 'nowhere' }],
      ['content.footnote', { number: 999 }],
      ['content.facet', { type: 'sdg', key: '99.9' }],
    ] as const) {
      const r = await t.raw(channel, args);
      expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND');
    }
  });

  it('content.facets and content.facet list blocks mentioning SDG 10.7', async () => {
    const sdg = await t.value('content.facets', { type: 'sdg' });
    expect(sdg.map((f) => f.key)).toContain('10.7');
    const facet = await t.value('content.facet', { type: 'sdg', key: '10.7' });
    expect(facet.blocks.length).toBeGreaterThan(1);
    for (const b of facet.blocks) {
      const full = await t.value('content.block', { id: b.id });
      const cited = await Promise.all(
        full.block.footnoteRefs.map((r) => t.value('content.footnote', { number: r.number })),
      );
      const text = [full.block.text, ...cited.map((c) => c.footnote.text)].join(' ');
      expect(text).toMatch(/10\.7/);
    }
  });
});

describe('search channels', () => {
  it('search.query finds, pages and highlights', async () => {
    const r = await t.value('search.query', { q: 'ethical recruitment', limit: 5 });
    expect(r.total).toBeGreaterThan(5);
    expect(r.hits).toHaveLength(5);
    const page2 = await t.value('search.query', { q: 'ethical recruitment', limit: 5, offset: 5 });
    expect(page2.hits.map((h) => h.id)).not.toContain(r.hits[0].id);
    for (const h of r.hits) {
      expect(h.snippet.highlights.length).toBeGreaterThan(0);
      const [s, e] = h.snippet.highlights[0];
      expect(h.snippet.text.slice(s, e).toLowerCase()).toMatch(/ethic|recruit/);
    }
  });

  it('search.query filters by cluster and kind', async () => {
    const r = await t.value('search.query', { q: 'remittances', clusters: [4], kinds: ['policy-option'], limit: 50 });
    expect(r.hits.length).toBeGreaterThan(0);
    for (const h of r.hits) {
      expect(h.kind).toBe('policy-option');
      expect(h.id).toMatch(/^c4\./);
    }
  });

  it('search.jump and search.suggest', async () => {
    expect(await t.value('search.jump', { q: '2.2' })).toMatchObject({ pageId: 'c2.f2' });
    expect(await t.value('search.jump', { q: 'c2.f2.po.1' })).toMatchObject({ pageId: 'c2.f2', blockId: 'c2.f2.po.1' });
    expect(await t.value('search.jump', { q: 'remittances' })).toBeNull();
    const s = await t.value('search.suggest', { q: 'remit' });
    expect(s.some((x) => x.includes('remit'))).toBe(true);
  });

  it('search.query includes the user’s own notes, flagged as notes', async () => {
    const a = await t.value('annotations.create', {
      blockId: 'c2.f2.po.2',
      note: 'Ask the capital about zanzibarian wording',
    });
    const r = await t.value('search.query', { q: 'zanzibarian' });
    expect(r.hits[0]).toMatchObject({ kind: 'note', blockId: 'c2.f2.po.2' });
    const without = await t.value('search.query', { q: 'zanzibarian', includeNotes: false });
    expect(without.hits.filter((h) => h.kind === 'note')).toHaveLength(0);
    await t.value('annotations.remove', { id: a.id });
  });
});

describe('user-data channels', () => {
  let ann: Annotation;

  it('bookmarks: add, list, update, remove', async () => {
    const b = await t.value('bookmarks.add', { targetId: 'c2.f2.po.1', label: 'recruitment' });
    expect((await t.value('bookmarks.list', {})).map((x) => x.id)).toContain(b.id);
    expect((await t.value('bookmarks.update', { id: b.id, label: 'fees' })).label).toBe('fees');
    await t.value('bookmarks.remove', { id: b.id });
    expect((await t.value('bookmarks.list', {})).map((x) => x.id)).not.toContain(b.id);
    const missing = await t.call('bookmarks.add', { targetId: 'c9.f9.po.9' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });

  it('annotations: create with a selector, position, tags; update; list filters', async () => {
    const block = (await t.value('content.block', { id: 'c2.f2.po.1' })).block;
    const exact = 'recruitment regulations';
    const start = block.text.indexOf(exact);
    ann = await t.value('annotations.create', {
      blockId: block.id,
      selector: { exact, prefix: block.text.slice(start - 10, start), suffix: '', start, end: start + exact.length },
      note: 'Check **our** line',
      color: 'red',
      tags: ['fees', 'recruitment'],
    });
    expect(ann.anchor).toBe('attached');
    // A position is the option's: set on the block, shown on its notes.
    await t.value('positions.set', { targetId: block.id, position: 'support-with-amendments', priority: 'high' });
    expect(await t.value('positions.set', { targetId: block.id, position: 'red-line' })).toMatchObject({
      position: 'red-line',
      priority: 'high',
    });
    const old = await t.call('annotations.update', { id: ann.id, patch: { position: 'red-line' } as never });
    expect(old.ok ? 'ok' : old.error.code).toBe('INVALID_ARGUMENT');
    const updated = await t.value('annotations.update', { id: ann.id, patch: { note: 'Check **our** line!' } });
    expect(updated.position).toBe('red-line');
    expect(await t.value('annotations.list', { filter: { positions: ['red-line'] } })).toHaveLength(1);
    expect(await t.value('annotations.list', { filter: { tags: ['nope'] } })).toHaveLength(0);
    const bad = await t.call('annotations.create', {
      blockId: block.id,
      selector: { exact: 'not in the text', prefix: '', suffix: '', start: 0, end: 15 },
    });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_ARGUMENT');
  });

  it('notes: list, tags, palette; positions: matrix and history', async () => {
    const notes = await t.value('notes.list', {});
    expect(notes.find((n) => n.annotation?.id === ann.id)).toMatchObject({ clusterId: 'c2', focusAreaId: 'c2.f2' });
    expect(await t.value('notes.tags', {})).toEqual(['fees', 'recruitment']);
    const rows = await t.value('positions.list', { clusterId: 'c2' });
    expect(rows.find((r) => r.block.id === 'c2.f2.po.1')).toMatchObject({ position: 'red-line', noteCount: 1 });
    const history = await t.value('positions.history', { targetId: 'c2.f2.po.1' });
    expect(history.map((h) => h.position)).toEqual(['support-with-amendments']);
    expect(rows.filter((r) => r.position === null).length).toBeGreaterThan(30);
    const renamed = await t.value('notes.renameColor', { color: 'red', name: 'Our red lines' });
    expect(renamed.find((p) => p.color === 'red')?.name).toBe('Our red lines');
    expect((await t.value('notes.palette', {})).find((p) => p.color === 'red')?.name).toBe('Our red lines');
  });

  it('trash and undo', async () => {
    await t.value('annotations.remove', { id: ann.id });
    expect((await t.value('trash.list', {})).map((x) => x.id)).toContain(ann.id);
    await t.value('trash.restore', { id: ann.id });
    expect((await t.value('annotations.list', {})).map((x) => x.id)).toContain(ann.id);
    const before = (await t.value('annotations.list', {})).length;
    await t.value('annotations.create', { blockId: 'c1.f1.po.1', note: 'to undo' });
    expect((await t.value('annotations.list', {})).length).toBe(before + 1);
    const undone = await t.value('history.undo', {});
    expect(undone?.description).toBeTruthy();
    expect((await t.value('annotations.list', {})).length).toBe(before);
  });

  it('settings persist in the user database', async () => {
    const s = await t.value('settings.set', { patch: { theme: 'dark', textSize: 20 } });
    expect(s).toMatchObject({ theme: 'dark', textSize: 20 });
    expect(await t.value('settings.get', {})).toMatchObject({ theme: 'dark', textSize: 20 });
    await t.value('settings.set', { patch: { paneWidths: { outline: 300, side: 410 } } });
    expect((await t.value('settings.get', {})).paneWidths).toEqual({ outline: 300, side: 410 });
    const narrow = await t.call('settings.set', { patch: { paneWidths: { outline: 20, side: 410 } } });
    expect(narrow.ok ? 'ok' : narrow.error.code).toBe('INVALID_ARGUMENT');
  });

  it('export.render names and types each format as the formats table describes it', async () => {
    for (const format of EXPORT_FORMATS) {
      const file = await t.value('export.render', { format, scope: { kind: 'all' }, includeNotes: false });
      expect(file.filename, format).toMatch(
        new RegExp(`^recollection-notes-.*-without-notes\\.${FORMATS[format].extension}$`),
      );
      expect(file.mime, format).toBe(FORMATS[format].mime);
      expect(typeof file.data === 'string', format).toBe(format !== 'docx');
    }
  });

  it('export.render, import.preview and import.apply round-trip into a fresh folder', async () => {
    const file = await t.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true });
    expect(file.filename).toMatch(/\.json$/);
    expect(typeof file.data).toBe('string');
    const other = openTestCore();
    try {
      const preview = await other.value('import.preview', { data: file.data as string });
      expect(preview.added).toBeGreaterThan(0);
      expect(await other.value('annotations.list', {})).toHaveLength(0); // a preview changes nothing
      const applied = await other.value('import.apply', { data: file.data as string });
      expect(applied.added).toBe(preview.added);
      const mine = (await t.value('annotations.list', {})).map((a) => a.id).sort();
      expect((await other.value('annotations.list', {})).map((a) => a.id).sort()).toEqual(mine);
      const again = await other.value('import.preview', { data: file.data as string });
      expect(again.added).toBe(0);
    } finally {
      other.close();
      removeDir(other.dataDir);
    }
    const bad = await t.call('import.apply', { data: '{"type": "Nonsense"' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_ARGUMENT');
  });

  it('backup.create, backup.list, backup.restore', async () => {
    const b = await t.value('backup.create', {});
    expect(b.verified).toBe(true);
    expect(existsSync(join(t.dataDir, 'backups', b.name))).toBe(true);
    expect((await t.value('backup.list', {})).map((x) => x.name)).toContain(b.name);
    const count = (await t.value('annotations.list', {})).length;
    await t.value('annotations.create', { blockId: 'c1.f1.po.2', note: 'after the backup' });
    await t.value('backup.restore', { name: b.name });
    expect(await t.value('annotations.list', {})).toHaveLength(count);
    const traversal = await t.raw('backup.restore', { name: '../user.db' });
    expect(traversal.ok).toBe(false);
  });
});
