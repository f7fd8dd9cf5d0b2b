/**
 * Another process on the same notes database, for the concurrency tests: a
 * plain Node child (no TypeScript loader, so it starts in ~50 ms) that either
 * holds the write lock for a while (`hold <ms>`: BEGIN IMMEDIATE, one write,
 * prints `locked`, commits after <ms>), commits once (`commit`: prints
 * `committed`, or the SQLite error code when it could not), or keeps taking
 * the lock (`hog`: holds it 100–150 ms, lets go for 150 ms, until killed).
 *
 * Constraint: it writes only a `meta` row of its own, never the user's records.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

const CHILD = `
const Database = require('better-sqlite3');
const [file, mode, ms] = process.argv.slice(1);
const db = new Database(file);
db.pragma('busy_timeout = ' + (mode === 'commit' ? 300 : 2000));
const write = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('other-process', ?)");
if (mode === 'commit') {
  try {
    write.run(String(Date.now()));
    process.stdout.write('committed\\n');
  } catch (err) {
    process.stdout.write((err.code || 'error') + '\\n');
  }
  db.close();
} else if (mode === 'hog') {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  process.stdout.write('locked\\n');
  for (let n = 0; ; n++) {
    try {
      db.exec('BEGIN IMMEDIATE');
      write.run(String(n));
      Atomics.wait(pause, 0, 0, 100 + (n % 3) * 25);
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
    Atomics.wait(pause, 0, 0, 150);
  }
} else {
  db.exec('BEGIN IMMEDIATE');
  write.run(String(Date.now()));
  process.stdout.write('locked\\n');
  setTimeout(() => {
    db.exec('COMMIT');
    db.close();
  }, Number(ms));
}
`;

/** Starts a process that holds the write lock of `dbFile` for `ms`; resolves once it holds it. */
export async function holdWriteLock(dbFile: string, ms: number, mode = 'hold'): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', CHILD, dbFile, mode, String(ms)], { cwd: ROOT, stdio: 'pipe' });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) done();
    });
    child.on('close', (code) => fail(new Error(`lock holder ended (${code}) before locking: ${err}`)));
  });
  return child;
}

/** Starts a process that keeps taking the write lock of `dbFile` (100–150 ms on, 150 ms off) until killed. */
export async function hogWriteLock(dbFile: string): Promise<ChildProcess> {
  return holdWriteLock(dbFile, 0, 'hog');
}

/** Runs a process that commits one write to `dbFile` and waits for it (blocking): `committed` or an error code. */
export function commitFromOtherProcess(dbFile: string): string {
  const run = spawnSync(process.execPath, ['-e', CHILD, dbFile, 'commit'], { cwd: ROOT, encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`.trim();
}

/**
 * Watches the event loop with a timer: how many ticks, and the longest time
 * between two (a thread blocked by SQLite's busy handler shows as one long gap).
 */
export function tickCounter(everyMs = 20): { ticks(): number; longestGapMs(): number; stop(): void } {
  let n = 0;
  let last = Date.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    longest = Math.max(longest, now - last);
    last = now;
    n++;
  }, everyMs);
  return {
    ticks: () => n,
    longestGapMs: () => Math.max(longest, Date.now() - last),
    stop: () => clearInterval(timer),
  };
}
