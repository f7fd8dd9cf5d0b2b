/**
 * Undo (an in-database history of inverse operations) and the trash (30 days,
 * then purged at open), on real SQLite files with an injected clock.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from '../../src/core/user/history';
import type { UserStore } from '../../src/core/user/store';
import { testContent } from '../support/content';
import { TestUser } from '../support/user';

const { lookup } = testContent();
const PO = 'c2.f2.po.1';
const PA = 'c2.f2.pa.1';
const DAY = 24 * 3600 * 1000;

let user: TestUser;
let store: UserStore;
const open = (): UserStore => user.open();
const reopen = (): void => {
  store.close();
  store = open();
};
const tick = (ms = 1000): void => user.tick(ms);

beforeEach(() => {
  user = new TestUser('2025-03-01T09:00:00.000Z');
  store = open();
});
afterEach(() => {
  store.close();
  user.remove();
});

describe('undo', () => {
  it('undoes create, edit and delete of an annotation, newest first, across a restart', () => {
    const a = store.annotations.create({ blockId: PO, note: 'v1', tags: ['x'], color: 'blue' });
    tick();
    store.annotations.update({
      id: a.id,
      patch: { note: 'v2', tags: ['y', 'z'], color: null },
    });
    tick();
    store.annotations.remove({ id: a.id });
    reopen(); // the history lives in the database, not in memory

    expect(store.history.undo()).toEqual({ description: 'Deleted annotation restored' });
    expect(store.annotations.list().map((x) => x.note)).toEqual(['v2']);
    expect(store.history.undo()).toEqual({ description: 'Edit to annotation undone' });
    expect(store.annotations.list()[0]).toMatchObject({
      note: 'v1',
      tags: ['x'],
      color: 'blue',
    });
    expect(store.history.undo()).toEqual({ description: 'New annotation removed' });
    expect(store.annotations.list()).toEqual([]);
    // An undone create is kept in the trash, not destroyed.
    expect(store.trash.list().map((t) => t.id)).toEqual([a.id]);
    expect(store.history.undo()).toBeNull();
  });

  it('undoes bookmark actions and colour renames', () => {
    const b = store.bookmarks.add({ targetId: PA, label: 'one' });
    store.bookmarks.update({ id: b.id, label: 'two' });
    store.notes.renameColor({ color: 'green', name: 'Yes' });
    expect(store.history.undo()?.description).toBe('Colour name "Agree" restored');
    expect(store.notes.palette().find((p) => p.color === 'green')?.name).toBe('Agree');
    expect(store.history.undo()?.description).toBe('Bookmark label restored');
    expect(store.bookmarks.list()[0]?.label).toBe('one');
    store.bookmarks.remove({ id: b.id });
    expect(store.bookmarks.list()).toEqual([]);
    expect(store.history.undo()?.description).toBe('Deleted bookmark restored');
    expect(store.bookmarks.list().map((x) => x.id)).toEqual([b.id]);
    expect(store.history.undo()?.description).toBe('New bookmark removed');
    expect(store.bookmarks.list()).toEqual([]);
  });

  it('keeps a bounded history', () => {
    const a = store.annotations.create({ blockId: PO, note: '0' });
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) store.annotations.update({ id: a.id, patch: { note: String(i) } });
    const db = new Database(user.userDb, { readonly: true });
    const count = (db.prepare('SELECT COUNT(*) AS n FROM history').get() as { n: number }).n;
    db.close();
    expect(count).toBe(HISTORY_LIMIT);
    let undone = 0;
    while (store.history.undo()) undone++;
    expect(undone).toBe(HISTORY_LIMIT);
    // The oldest edits fell off the history: the note went back only HISTORY_LIMIT steps.
    expect(store.annotations.list()[0]?.note).toBe(String(20));
  });
});

describe('trash', () => {
  it('lists deleted records with a summary and restores them with every field', () => {
    const a = store.annotations.create({
      blockId: PO,
      note: 'keep me',
      tags: ['t1', 't2'],
    });
    const b = store.bookmarks.add({ targetId: PA, label: 'pa one' });
    tick();
    store.annotations.remove({ id: a.id });
    tick();
    store.bookmarks.remove({ id: b.id });
    const items = store.trash.list();
    expect(items.map((t) => [t.type, t.id, t.deleted])).toEqual([
      ['bookmark', b.id, '2025-03-01T09:00:02.000Z'],
      ['annotation', a.id, '2025-03-01T09:00:01.000Z'],
    ]);
    expect(items[1]?.summary).toContain('keep me');
    expect(items[1]?.summary).toContain(lookup.block(PO)?.label ?? '??');

    store.trash.restore({ id: a.id });
    expect(store.annotations.list()).toEqual([{ ...a }]);
    expect(store.trash.list().map((t) => t.id)).toEqual([b.id]);
    // Restoring is itself undoable.
    expect(store.history.undo()?.description).toBe('Restored annotation moved back to the trash');
    expect(store.annotations.list()).toEqual([]);
    expect(() => store.trash.restore({ id: '00000000-0000-4000-8000-000000000000' })).toThrow(/nothing in the trash/);
  });

  it('says which deleted annotations are highlights (a colour and no note text), so the Trash can name them', () => {
    const text = lookup.block(PO)?.text ?? '';
    const exact = text.slice(10, 40);
    const highlight = store.annotations.create({
      blockId: PO,
      selector: { exact, prefix: text.slice(0, 10), suffix: text.slice(40, 60), start: 10, end: 40 },
      note: '',
      color: 'yellow',
      tags: [],
    });
    const paragraph = store.annotations.create({ blockId: PA, note: '  ', color: 'green', tags: [] });
    const note = store.annotations.create({ blockId: PO, note: 'a real note', color: 'yellow', tags: [] });
    const bookmark = store.bookmarks.add({ targetId: PA, label: 'pa one' });
    for (const id of [highlight.id, paragraph.id, note.id]) store.annotations.remove({ id });
    store.bookmarks.remove({ id: bookmark.id });
    const byId = new Map(store.trash.list().map((t) => [t.id, t]));
    expect(byId.get(highlight.id)).toMatchObject({ type: 'annotation', highlight: true });
    expect(byId.get(highlight.id)?.summary).toContain(exact.trim().slice(0, 12));
    expect(byId.get(paragraph.id)).toMatchObject({ type: 'annotation', highlight: true });
    expect(byId.get(note.id)).toMatchObject({ type: 'annotation', highlight: false });
    expect(byId.get(bookmark.id)).toMatchObject({ type: 'bookmark', highlight: false });
  });

  it('purges records deleted more than 30 days ago at open, and only those', () => {
    const old = store.annotations.create({ blockId: PO, note: 'old', tags: ['gone-with-it'] });
    const recent = store.annotations.create({ blockId: PO, note: 'recent' });
    const live = store.annotations.create({ blockId: PA, note: 'live' });
    store.annotations.remove({ id: old.id });
    tick(10 * DAY);
    store.annotations.remove({ id: recent.id });
    tick(25 * DAY); // old: 35 days in the trash; recent: 25 days
    reopen();
    expect(store.trash.list().map((t) => t.id)).toEqual([recent.id]);
    expect(store.annotations.list().map((x) => x.id)).toEqual([live.id]);
    const db = new Database(user.userDb, { readonly: true });
    const rows = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    expect(rows("SELECT COUNT(*) AS n FROM annotation_tags WHERE tag = 'gone-with-it'")).toBe(0);
    expect(rows('SELECT COUNT(*) AS n FROM annotations')).toBe(2);
    db.close();

    expect(store.history.undo()?.description).toBe('Deleted annotation restored'); // recent
    // Next comes the delete of the purged record: nothing to act on, so undo moves on to the create before it.
    expect(store.history.undo()?.description).toBe('New annotation removed');
    expect(store.annotations.list().map((x) => x.id)).toEqual([recent.id]);
    tick(31 * DAY);
    reopen();
    expect(store.trash.list()).toEqual([]);
    expect(store.annotations.list().map((x) => x.id)).toEqual([recent.id]);
  });
});
