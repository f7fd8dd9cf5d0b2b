/**
 * Recovery of a damaged user database at open: bytes overwritten in the file
 * header, or in a page in the middle. The damaged file is moved aside (never
 * deleted), the newest backup that verifies is restored, and the message says
 * what happened; without a backup the app starts empty and keeps the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserStore } from '../../src/core/user/store';
import { testContent } from '../support/content';
import { TestUser } from '../support/user';

const { lookup } = testContent();
const blocks = lookup
  .allBlocks()
  .filter((b) => b.kind === 'policy-option')
  .slice(0, 20);

let user: TestUser;
let dir: string;
const open = (): UserStore => user.open();
const userDb = (): string => user.userDb;
const damagedFiles = (): string[] =>
  fs.existsSync(path.join(dir, 'damaged')) ? fs.readdirSync(path.join(dir, 'damaged')).sort() : [];

beforeEach(() => {
  user = new TestUser('2025-02-10T08:30:00.000Z');
  dir = user.dir;
});
afterEach(() => user.remove());

/** Writes `count` annotations with long notes so the file spans many pages. */
function fill(store: UserStore, count: number, label: string): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const block = blocks[i % blocks.length];
    ids.push(
      store.createAnnotation({ blockId: block?.id ?? '', note: `${label} ${i} `.padEnd(600, 'x'), tags: [label] }).id,
    );
  }
  return ids;
}

/** Makes a backup with some notes, then adds notes the backup does not have; closes. */
async function withBackupThenMore(): Promise<{ backedUp: string[]; lost: string[]; backupName: string }> {
  const store = open();
  const backedUp = fill(store, 120, 'saved');
  const { name } = await store.createBackup();
  user.tick(3600_000);
  const lost = fill(store, 5, 'after');
  store.close();
  expect(fs.existsSync(`${userDb()}-wal`)).toBe(false); // fully checkpointed: the main file holds everything
  return { backedUp, lost, backupName: name };
}

function overwrite(file: string, offset: number, length: number, byte: number): Buffer {
  const bytes = fs.readFileSync(file);
  bytes.fill(byte, offset, offset + length);
  fs.writeFileSync(file, bytes);
  return bytes;
}

describe('recovery at open', () => {
  it('recovers from a damaged header: moves the file aside and restores the newest backup', async () => {
    const { backedUp, lost, backupName } = await withBackupThenMore();
    const damagedBytes = overwrite(userDb(), 0, 16, 0x00);
    fs.writeFileSync(`${userDb()}-wal`, 'left over from the crash');
    user.clock = new Date('2025-02-11T07:00:00.000Z');

    const store = open();
    try {
      expect(
        store
          .listAnnotations()
          .map((a) => a.id)
          .sort(),
      ).toEqual([...backedUp].sort());
      expect(store.listAnnotations().some((a) => lost.includes(a.id))).toBe(false);
      const moved = path.join(dir, 'damaged', 'user-20250211-070000.db');
      expect(damagedFiles()).toEqual(['user-20250211-070000.db', 'user-20250211-070000.db-wal']);
      expect(fs.readFileSync(moved).equals(damagedBytes)).toBe(true);
      expect(fs.readFileSync(`${moved}-wal`, 'utf8')).toBe('left over from the crash');
      expect(store.recovery).toContain(moved);
      expect(store.recovery).toContain(backupName);
      expect(store.recovery).toContain('2025-02-10 08:30 UTC');
      expect(store.recovery).toMatch(/notes made after that are only in the damaged file/);
      // The recovered store works normally.
      store.createAnnotation({ blockId: blocks[0]?.id ?? '', note: 'after recovery' });
    } finally {
      store.close();
    }
    const reopened = open();
    expect(reopened.recovery).toBeNull();
    expect(reopened.listAnnotations()).toHaveLength(backedUp.length + 1);
    reopened.close();
  });

  it('recovers from a damaged page in the middle of the file', async () => {
    const { backedUp, backupName } = await withBackupThenMore();
    const size = fs.statSync(userDb()).size;
    const pageSize = fs.readFileSync(userDb()).readUInt16BE(16);
    const pages = size / pageSize;
    expect(pages).toBeGreaterThan(20);
    const middle = Math.floor(pages / 2);
    overwrite(userDb(), middle * pageSize, pageSize, 0xa5);

    const store = open();
    try {
      expect(store.recovery).toMatch(/malformed|integrity check failed/);
      expect(store.recovery).toContain(backupName);
      expect(store.listAnnotations()).toHaveLength(backedUp.length);
      // The file and any -wal/-shm companions SQLite made while checking it, kept together.
      expect(damagedFiles()[0]).toBe('user-20250210-093000.db');
      expect(damagedFiles().every((f) => f.startsWith('user-20250210-093000.db'))).toBe(true);
      expect(fs.statSync(path.join(dir, 'damaged', 'user-20250210-093000.db')).size).toBe(size);
    } finally {
      store.close();
    }
  });

  it('skips a backup that does not verify and uses the next newest', async () => {
    const { backedUp, backupName } = await withBackupThenMore();
    const store = open();
    const newer = await store.createBackup();
    store.close();
    overwrite(path.join(dir, 'backups', newer.name), 0, 16, 0x00);
    overwrite(userDb(), 0, 16, 0x00);
    const recovered = open();
    try {
      expect(recovered.recovery).not.toContain(`(${newer.name})`);
      expect(recovered.recovery).toContain(`(${backupName})`);
      expect(recovered.listAnnotations()).toHaveLength(backedUp.length);
    } finally {
      recovered.close();
    }
  });

  it('without a backup, starts with an empty database and keeps the damaged file', () => {
    const store = open();
    fill(store, 30, 'only copy');
    store.close();
    const damagedBytes = overwrite(userDb(), 0, 16, 0xff);
    const recovered = open();
    try {
      expect(recovered.listAnnotations()).toEqual([]);
      expect(recovered.recovery).toMatch(/No usable backup was found.*empty notes database.*damaged file is kept/);
      expect(damagedFiles()).toEqual(['user-20250210-083000.db']);
      expect(fs.readFileSync(path.join(dir, 'damaged', 'user-20250210-083000.db')).equals(damagedBytes)).toBe(true);
    } finally {
      recovered.close();
    }
  });

  it('treats a file that is not a database at all as damaged', () => {
    fs.writeFileSync(userDb(), 'these are not the notes you are looking for\n'.repeat(50));
    const store = open();
    try {
      expect(store.recovery).toMatch(/could not read your notes database/);
      expect(damagedFiles()).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
