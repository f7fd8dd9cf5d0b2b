/**
 * Which backups exist and which are kept: the backup name pattern
 * (`user-YYYYMMDD-HHMMSS[-n].db`, UTC), listing newest first, resolving a name
 * from outside, and the rotation that keeps backups by count AND by age.
 *
 * Constraint: a burst of backups (eleven imports in ten seconds) must never
 * push out every older backup, so besides the newest KEEP.recent the newest
 * backup of each of the last KEEP.days calendar days (UTC) and of each of the
 * last KEEP.weeks weeks (Monday to Sunday, UTC) is kept. A name from outside
 * can only ever resolve to a file inside backups/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../../shared/contract/result';

/** The newest `recent`, plus one a day for `days` days, plus one a week for `weeks` weeks (about a month). */
export const KEEP = { recent: 10, days: 7, weeks: 5 } as const;
/** Kept for callers that only need the count part of the rule. */
export const BACKUP_KEEP = KEEP.recent;

const NAME = /^user-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,6}))?\.db$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export const backupsDir = (dataDir: string): string => path.join(dataDir, 'backups');

/** Sort key: time then the -n counter (names made within the same second). */
function sortKey(name: string): string {
  const m = NAME.exec(name);
  return m ? `${m.slice(1, 7).join('')}-${(m[7] ?? '0').padStart(6, '0')}` : '';
}

/** Creation time (ISO, UTC) encoded in a backup's name; '' for other names. */
export function createdOf(name: string): string {
  const m = NAME.exec(name);
  if (!m) return '';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
}

/** Backup names (newest first) among `names`. */
export function sortBackupNames(names: readonly string[]): string[] {
  return names.filter((n) => NAME.test(n)).sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
}

/** Backup file names in the data folder, newest first. */
export function backupNames(dataDir: string): string[] {
  try {
    return sortBackupNames(fs.readdirSync(backupsDir(dataDir)));
  } catch {
    return [];
  }
}

/** Resolves a user-given backup name to its path; rejects anything that is not one of ours. */
export function resolveBackup(dataDir: string, name: string): string {
  const dir = backupsDir(dataDir);
  const file = path.resolve(dir, name);
  if (!NAME.test(name) || path.dirname(file) !== path.resolve(dir)) {
    throw new CoreError('INVALID_ARGUMENT', `not a backup name: ${name.slice(0, 80)}`);
  }
  if (!fs.existsSync(file)) throw new CoreError('NOT_FOUND', `no backup named ${name}`);
  return file;
}

/** UTC day number since the epoch. */
const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);
/** UTC week number since the epoch, weeks starting on Monday (1970-01-01 was a Thursday). */
const weekOf = (ms: number): number => Math.floor((dayOf(ms) + 3) / 7);

/**
 * The names to keep among `names` at time `now`: the newest KEEP.recent, and
 * the newest of each calendar day within KEEP.days and of each week within
 * KEEP.weeks (counting today and this week). Pure, so it is tested with a clock.
 */
export function backupsToKeep(names: readonly string[], now: Date): Set<string> {
  const sorted = sortBackupNames(names);
  const keep = new Set(sorted.slice(0, KEEP.recent));
  const today = dayOf(now.getTime());
  const thisWeek = weekOf(now.getTime());
  const seenDays = new Set<number>();
  const seenWeeks = new Set<number>();
  for (const name of sorted) {
    const t = Date.parse(createdOf(name));
    const day = dayOf(t);
    const week = weekOf(t);
    // Newest first, so the first name met in a day or week is that bucket's newest.
    if (today - day < KEEP.days && !seenDays.has(day)) keep.add(name);
    if (thisWeek - week < KEEP.weeks && !seenWeeks.has(week)) keep.add(name);
    seenDays.add(day);
    seenWeeks.add(week);
  }
  return keep;
}

/** Removes the backups the rule does not keep. */
export function rotate(dataDir: string, now: Date): void {
  const names = backupNames(dataDir);
  const keep = backupsToKeep(names, now);
  for (const old of names) if (!keep.has(old)) fs.rmSync(path.join(backupsDir(dataDir), old), { force: true });
}
