/**
 * Backups are kept by age as well as by count: a store on a
 * fake clock backs up over simulated weeks, then makes a burst of backups
 * within seconds; the burst must not push out the older days and weeks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsToKeep, createdOf, KEEP } from '../../src/core/user/backups/rotation';
import { UserStore } from '../../src/core/user/store';
import { testContent } from '../support/content';

const { lookup } = testContent();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let dir: string;
let clock: Date;
let store: UserStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rec-backup-age-'));
  clock = new Date('2025-03-03T09:00:00.000Z'); // a Monday
  store = UserStore.open({ dataDir: dir, content: lookup, now: () => clock });
  store.annotations.create({ blockId: 'c2.f2.po.1', note: 'kept by age' });
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const day = (iso: string): string => iso.slice(0, 10);
/** Monday (UTC) of the week an ISO time falls in. */
function monday(iso: string): string {
  const t = Date.parse(iso);
  const back = (new Date(t).getUTCDay() + 6) % 7;
  return day(new Date(t - back * DAY).toISOString());
}

describe('backup rotation by age', () => {
  it('after six weeks of backups and a burst of eleven, keeps the last 10, one a day for a week, one a week for a month', async () => {
    // Four backups a day for six weeks (what the hourly automatic backup makes on a working day).
    const made: string[] = [];
    for (let d = 0; d < 42; d++) {
      for (const h of [0, 3, 6, 9]) {
        clock = new Date(Date.parse('2025-03-03T09:00:00.000Z') + d * DAY + h * HOUR);
        made.push((await store.backups.create()).name);
      }
    }
    // Then eleven imports in ten seconds.
    const burstStart = clock.getTime() + HOUR;
    for (let i = 0; i < 11; i++) {
      clock = new Date(burstStart + i * 900);
      made.push((await store.backups.create()).name);
    }
    const now = clock.toISOString();
    const kept = store.backups.list().map((b) => b.created);
    const names = store.backups.list().map((b) => b.name);

    // The newest 10 (all from the burst).
    expect(names.slice(0, KEEP.recent)).toEqual(made.slice(-KEEP.recent).reverse());
    // One a day for each of the last 7 days, including the days before the burst.
    const days = new Set(kept.map(day));
    for (let d = 0; d < KEEP.days; d++) expect(days).toContain(day(new Date(Date.parse(now) - d * DAY).toISOString()));
    // One a week for each of the last 5 weeks.
    const weeks = new Set(kept.map(monday));
    for (let w = 0; w < KEEP.weeks; w++) {
      expect(weeks).toContain(monday(new Date(Date.parse(now) - w * 7 * DAY).toISOString()));
    }
    // Nothing older than the weekly window, and a bounded count.
    expect(kept.every((c) => Date.parse(now) - Date.parse(c) < (KEEP.weeks + 1) * 7 * DAY)).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(KEEP.recent + KEEP.days + KEEP.weeks);
    // What is on disk is exactly what is listed (no partial files left behind).
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual([...names].sort());
  }, 60_000);

  it('keeps the newest backup of each day and week, never an older one of the same day', () => {
    const names = [
      'user-20250310-080000.db',
      'user-20250310-170000.db', // newest of Monday the 10th
      'user-20250309-120000.db', // Sunday: the week before
      'user-20250301-100000.db',
      'user-20250301-230000.db',
    ];
    const keep = backupsToKeep(names, new Date('2025-03-10T18:00:00.000Z'));
    // Fewer than KEEP.recent names: all kept.
    expect(keep.size).toBe(names.length);
    const many = Array.from({ length: 30 }, (_, i) => `user-20250310-1000${String(i).padStart(2, '0')}.db`);
    const kept = backupsToKeep([...names, ...many], new Date('2025-03-10T18:00:00.000Z'));
    expect([...kept].filter((n) => createdOf(n).startsWith('2025-03-10'))).toHaveLength(KEEP.recent);
    expect(kept).toContain('user-20250309-120000.db');
    expect(kept).toContain('user-20250301-230000.db');
    expect(kept).not.toContain('user-20250301-100000.db');
  });
});
