/**
 * Crash safety of turning protection on and off: a child process
 * (crash-vault-child.ts) converts a real data folder — database, WAL, two
 * backups, vault.json — one way or the other and stops itself with SIGKILL at
 * one named step of the conversion (the copy half-written, written, verified;
 * the key file written or removed; the database closed; the rename; each
 * backup converted), through the core's step hook: no timer, so the kill lands
 * at the same place on a loaded machine. Every step in both directions is
 * killed once, on a fresh copy of the folder. After each kill the folder opens
 * in the state that step implies — still off or on before the commit (the
 * rename), switched after it — without recovery and without the hand-restore
 * notice, and holds every seeded note and both backups, verified; no leftover
 * and no journal is left; when it is protected, no file of the data folder
 * holds a seeded note's text once it is unlocked.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildChild } from './build-child';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { dispatch } from '../../src/core/dispatch';
import { openCore, type Core } from '../../src/core/open';
import type { Args, Channel, ResultOf } from '../../src/shared/contract/channels';

const PASS = 'crash test passphrase';
let CHILD_JS = '';
const NOTES = Array.from({ length: 40 }, (_, i) => `Kinkajou note ${i} red line`);

/** Each step, in the order the conversion runs it, and whether protection is on after a kill there. */
const STEPS: Record<'on' | 'off', Array<[string, boolean]>> = {
  on: [
    ['copy', false],
    ['verify', false],
    ['sync', false],
    ['key file', false],
    ['close', false],
    ['rename', false],
    ['backups', true],
    ['backups#2', true],
  ],
  off: [
    ['backups', true],
    ['backups#2', true],
    ['copy', true],
    ['verify', true],
    ['sync', true],
    ['close', true],
    ['rename', true],
    ['key file', false],
  ],
};

let root: string;
/** The seeded folders each case starts from: protection off (for turning on) and on (for turning off). */
const template = { on: '', off: '' };
beforeAll(async () => {
  CHILD_JS = await buildChild('crash-vault-child');
  root = mkdtempSync(join(tmpdir(), 'recollection-crash-vault-'));
  template.on = join(root, 'plain');
  const seedCore = openHere(template.on);
  for (const note of NOTES)
    await value(seedCore, 'annotations.create', { blockId: 'c2.f3.po.1', note, tags: ['kinkajou'] });
  await value(seedCore, 'backup.create', {});
  await value(seedCore, 'annotations.create', { blockId: 'c2.f3.po.2', note: NOTES[0], tags: ['kinkajou'] });
  await value(seedCore, 'backup.create', {});
  await value(seedCore, 'history.undo', {}); // the last note is in the trash: NOTES stay the live ones
  seedCore.close();
  template.off = join(root, 'protected');
  cpSync(template.on, template.off, { recursive: true });
  const on = openHere(template.off);
  await value(on, 'vault.enable', { passphrase: PASS });
  on.close();
}, 120_000);
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function openHere(dataDir: string): Core {
  return openCore({ contentDbPath: CONTENT_DB_PATH, dataDir, searchOnFirstUse: true, kdfTargetMs: 1 });
}
async function value<K extends Channel>(core: Core, channel: K, args: Args<K>): Promise<ResultOf<K>> {
  const r = await dispatch<K>(core.handlers, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Files a kill may leave before the next open settles them: conversion copies, partials, journal, temporaries. */
function leftovers(dataDir: string): string[] {
  const odd = (n: string): boolean =>
    n.includes('.converting') || n.endsWith('.tmp') || n.includes('.partial') || n.includes('.restoring');
  const names = readdirSync(dataDir).filter((n) => odd(n) || n === 'vault-conversion.json');
  names.push(...readdirSync(join(dataDir, 'backups')).filter(odd));
  return names;
}

function filesHolding(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && readFileSync(file).includes(Buffer.from(needle))) found.push(file);
  }
  return found;
}

function runChild(dataDir: string, step: string): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [CHILD_JS, CONTENT_DB_PATH, dataDir, PASS, step], { stdio: 'pipe' });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('close', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) fail(new Error(`child failed (${code}): ${err.slice(0, 2000)}`));
      else done({ signal, out });
    });
  });
}

describe('SIGKILL at each named step of turning protection on and off', () => {
  for (const direction of ['on', 'off'] as const) {
    for (const [step, protectedAfter] of STEPS[direction]) {
      it(`turning ${direction}, killed at "${step}": loses nothing, settles to protection ${protectedAfter ? 'on' : 'off'}`, async () => {
        const dataDir = join(root, `${direction}-${step.replace(/\W/g, '-')}`);
        cpSync(template[direction], dataDir, { recursive: true });
        const { signal, out } = await runChild(dataDir, step);
        expect(signal, `the step "${step}" was never reached (${out.trim()})`).toBe('SIGKILL');
        // Killed mid-conversion: its journal is there for the next open to settle.
        expect(existsSync(join(dataDir, 'vault-conversion.json'))).toBe(true);
        const core = openHere(dataDir);
        try {
          expect(core.user.recovery).toBeNull();
          const status = await value(core, 'vault.status', {});
          expect(status.protected).toBe(protectedAfter);
          expect(status.notice).toBeUndefined();
          expect(leftovers(dataDir)).toEqual([]);
          if (status.protected) {
            expect(status.locked).toBe(true);
            await value(core, 'vault.unlock', { passphrase: PASS });
          }
          const notes = (await value(core, 'notes.list', {})).map((e) => e.annotation?.note ?? '').sort();
          expect(notes).toEqual([...NOTES].sort());
          const backups = await value(core, 'backup.list', {});
          expect(backups.length).toBe(2);
          expect(
            backups.every((b) => b.verified),
            'a backup of the wrong kind or damaged',
          ).toBe(true);
          if (status.protected) expect(filesHolding(dataDir, 'Kinkajou')).toEqual([]);
          else expect(existsSync(join(dataDir, 'vault.json'))).toBe(false);
        } finally {
          core.close();
        }
      }, 60_000);
    }
  }
});
