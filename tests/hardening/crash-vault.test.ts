/**
 * Crash safety of turning protection on and off (issue #16.5): a child
 * process (crash-vault-child.ts) converts the real data folder — database,
 * WAL, backups, vault.json — one way or the other and is killed with SIGKILL
 * at a random moment, over and over, so kills land in both directions and at
 * every step (the copy being written, verified, renamed; backups converted;
 * vault.json written or removed). After every kill the folder opens — locked
 * and unlocked with the passphrase when vault.json is there — without
 * recovery, and holds every seeded note and every backup, verified; when it
 * ends encrypted, no file holds a seeded note's text.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildChild } from './build-child';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { dispatch } from '../../src/core/dispatch';
import { openCore, type Core } from '../../src/core/open';
import type { Args, Channel, ResultOf } from '../../src/shared/contract/channels';
import { between, mulberry32 } from './prng';

const SEED = 20_261_130;
const KILLS = 24;
const PASS = 'crash test passphrase';
let CHILD_JS = '';
const NOTES = Array.from({ length: 40 }, (_, i) => `Kinkajou note ${i} red line`);

let dataDir: string;
beforeAll(async () => {
  CHILD_JS = await buildChild('crash-vault-child');
  dataDir = mkdtempSync(join(tmpdir(), 'recollection-crash-vault-'));
});
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function openHere(): Core {
  return openCore({ contentDbPath: CONTENT_DB_PATH, dataDir, searchOnFirstUse: true, kdfTargetMs: 1 });
}
async function value<K extends Channel>(core: Core, channel: K, args: Args<K>): Promise<ResultOf<K>> {
  const r = await dispatch<K>(core.handlers, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** What a kill left before the next open settles it. */
function leftovers(): string[] {
  const names = readdirSync(dataDir).filter((n) => n.includes('.converting') || n.endsWith('.tmp'));
  const backups = join(dataDir, 'backups');
  if (existsSync(backups)) names.push(...readdirSync(backups).filter((n) => n.includes('.converting')));
  return names;
}

function runChild(killAfterMs: number): Promise<{ done: string | null; ms: number }> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [CHILD_JS, CONTENT_DB_PATH, dataDir, PASS], { stdio: 'pipe' });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready') && !out.includes('go-sent')) {
        out += 'go-sent';
        proc.stdin.write('go\n');
        setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
    });
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('close', (code, signal) => {
      const finished = /done (on|off) (\d+)/.exec(out);
      if (signal !== 'SIGKILL' && code !== 0) fail(new Error(`child failed (${code}): ${err.slice(0, 2000)}`));
      else done({ done: finished?.[1] ?? null, ms: Number(finished?.[2] ?? 0) });
    });
  });
}

describe('SIGKILL while turning protection on and off', () => {
  it(`loses nothing over ${KILLS} kills in both directions`, async () => {
    const seedCore = openHere();
    for (const note of NOTES)
      await value(seedCore, 'annotations.create', { blockId: 'c2.f3.po.1', note, tags: ['kinkajou'] });
    await value(seedCore, 'backup.create', {});
    seedCore.close();

    const rng = mulberry32(SEED);
    const seen = { on: 0, off: 0, completed: 0, leftovers: 0 };
    // The first two runs are not killed: they time a whole conversion each way on this machine,
    // and the kills then land anywhere from the start to a little past the end.
    let longest = 0;
    // Kills go on (at most KILLS more) until one has landed mid-conversion: on a loaded machine the
    // timing of the first runs can leave every random kill before or after the work.
    for (let kill = 1; kill <= KILLS + 2 || (seen.leftovers === 0 && kill <= 2 * KILLS + 2); kill++) {
      const { done, ms } = await runChild(kill <= 2 ? 120_000 : between(rng, 0, Math.ceil(longest * 1.2)));
      if (kill <= 2) {
        expect(done).toBe(kill === 1 ? 'on' : 'off');
        longest = Math.max(longest, ms);
      }
      if (done) seen.completed++;
      if (leftovers().length > 0) seen.leftovers++;
      const core = openHere();
      try {
        expect(core.user.recovery, `kill ${kill} (seed ${SEED})`).toBeNull();
        const status = await value(core, 'vault.status', {});
        seen[status.protected ? 'on' : 'off']++;
        if (status.protected) {
          expect(status.locked).toBe(true);
          await value(core, 'vault.unlock', { passphrase: PASS });
        }
        const notes = (await value(core, 'notes.list', {})).map((e) => e.annotation?.note ?? '').sort();
        expect(notes, `kill ${kill} (seed ${SEED})`).toEqual([...NOTES].sort());
        const backups = await value(core, 'backup.list', {});
        expect(backups.length).toBe(1);
        expect(backups[0].verified, `kill ${kill}: backup of the wrong kind or damaged`).toBe(true);
        expect(leftovers()).toEqual([]);
      } finally {
        core.close();
      }
    }
    // Ends with protection on (one more whole conversion if needed): no file holds a note.
    if (!existsSync(join(dataDir, 'vault.json'))) expect((await runChild(120_000)).done).toBe('on');
    const files = ['user.db', 'user.db-wal'].map((f) => join(dataDir, f)).filter((f) => existsSync(f));
    files.push(...readdirSync(join(dataDir, 'backups')).map((f) => join(dataDir, 'backups', f)));
    for (const f of files) expect(readFileSync(f).includes('Kinkajou'), f).toBe(false);
    console.info(`conversion crash test: ${KILLS} kills, ${JSON.stringify(seen)}`);
    // Both directions were interrupted, and some kills landed mid-conversion.
    expect(seen.on).toBeGreaterThan(0);
    expect(seen.off).toBeGreaterThan(0);
    expect(seen.leftovers).toBeGreaterThan(0);
    expect(seen.completed).toBeLessThan(KILLS);
  }, 600_000);
});
