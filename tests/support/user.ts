/**
 * Test support: a real user store on a fresh temporary data folder, with a
 * clock the test moves (the store reads the time only through `now`), so
 * timestamps, history and backups are exact and repeatable.
 *
 * Constraint: the real UserStore over the real content lookup (the parser's
 * model, tests/support/content.ts); one helper for every user-data test
 * instead of a setup repeated in each file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ContentLookup } from '../../src/core/content/lookup';
import { UserStore } from '../../src/core/user/store';
import { testContent } from './content';

export class TestUser {
  /** The data folder (user.db, backups/, damaged/). */
  readonly dir: string;
  clock: Date;
  /** The store's clock. */
  readonly now = (): Date => this.clock;

  constructor(
    start = '2025-03-01T09:00:00.000Z',
    readonly content: ContentLookup = testContent().lookup,
  ) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rec-user-'));
    this.clock = new Date(start);
  }

  /** Moves the clock on by `ms` milliseconds. */
  tick(ms = 1000): void {
    this.clock = new Date(this.clock.getTime() + ms);
  }

  /** Opens (or reopens) the store on this data folder, over `content` (the shipped document by default). */
  open(content: ContentLookup = this.content): UserStore {
    return UserStore.open({ dataDir: this.dir, content, now: this.now });
  }

  /** The user database file. */
  get userDb(): string {
    return path.join(this.dir, 'user.db');
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The lists' own order for items made at one instant (a clock the test does not move): ties by id. */
export function tieOrder<T extends { created: string; id: string }>(...items: T[]): T[] {
  return [...items].sort((a, b) =>
    a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}
