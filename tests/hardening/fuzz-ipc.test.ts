/**
 * IPC fuzzing: every channel of the contract, 300 generated arguments each in
 * the quick suite and 10,000 in the deep one (tests/support/depth.ts), wholly
 * arbitrary values and near-valid ones (see arbitraries.ts), sent
 * through dispatch() exactly as the Electron shell sends renderer calls, on
 * the real content database and a real user database.
 *
 * Every call must: settle within a bound; answer `{ok: true, value}` or
 * `{ok: false, error: {code, message}}` with a code of the contract, never
 * INTERNAL (an unexpected exception is a bug), and a short message without a
 * stack trace; change nothing in the user database when it is rejected, nor
 * when the channel only reads. Afterwards the database passes
 * `PRAGMA integrity_check` and every record the channels list has the
 * contract's shape (no half-written annotation, bookmark or tag list).
 *
 * The data folder is on tmpfs (/dev/shm) when there is one: the user database
 * fsyncs every commit (synchronous=FULL), which is not what is tested here.
 * The seeds are fixed, so a failing case comes back on the next run.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { CHANNELS, type Channel } from '../../src/shared/contract/channels';
import type { ErrorCode } from '../../src/shared/contract/result';
import { openTestCore, removeDir, type TestCore } from '../support/core';
import { byDepth } from '../support/depth';
import { channelSchema, nearValid, type Hints } from './arbitraries';
import { annotationShape, bookmarkShape, noteEntryShape, trashItemShape } from './shapes';

const SEED = 6_006;
const RUNS = byDepth(300, 10_000);
/** A call that has not settled after this long counts as hung (generous: CI machines are slow). */
const CALL_BOUND_MS = 5_000;
/**
 * Calls that must reach the handler per channel, more than this: at least one of the quick suite's 300
 * cases (settings.set's large strict patch lets few near-valid ones through), 1 in 100 of the deep suite's.
 */
const MIN_REACHED = byDepth(0, RUNS / 100);
const CLONE_CHECKS = 300;
const CODES: ReadonlySet<ErrorCode> = new Set([
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'BUSY',
  'STORAGE',
  'INTERNAL',
  'PASSPHRASE_NEEDED',
  'WRONG_PASSPHRASE',
  'DAMAGED',
  'LOCKED',
]);
const STACK_FRAME = /\n\s+at |\bat .+:\d+:\d+\)?$|node_modules|\.ts:\d+/m;

/** Channels that must never change the user database, whatever they answer. */
const READ_ONLY = new Set<Channel>(
  CHANNELS.filter(
    (c) =>
      /^(app|content|search)\./.test(c) ||
      /\.(list|get|tags|positions|palette|render|preview)$/.test(c) ||
      c === 'backup.create',
  ),
);

/**
 * Channels whose valid calls cost milliseconds (they read every record, render
 * a file, or copy and verify backups): near-valid arguments are 1 in 10 there
 * instead of 1 in 2 — still hundreds of handler runs each — so the whole fuzz
 * stays near a minute.
 */
const COSTLY = new Set<Channel>(['notes.list', 'positions.list', 'export.render', 'backup.create', 'backup.list']);
/**
 * export.render's arguments have grown (the brief's title block, `scope.only`, `scope.layers`,
 * `seal`), so fewer near-valid ones pass the schema: it gets 1 in 2 to keep hundreds of handler runs.
 */
const ANYTHING_WEIGHT: Partial<Record<Channel, number>> = { 'export.render': 1 };

let t: TestCore;
let probe: Database.Database;
let hints: Hints;
const internalErrors: string[] = [];
const stats = new Map<Channel, { ok: number; reached: number; codes: Partial<Record<ErrorCode, number>> }>();

beforeAll(async () => {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  t = openTestCore(mkdtempSync(join(base, 'recollection-fuzz-')));
  const po = await t.value('content.block', { id: 'c2.f2.po.1' });
  const quote = 'access to justice';
  const start = po.block.text.indexOf(quote);
  const made = [
    await t.value('annotations.create', {
      blockId: 'c2.f2.po.1',
      selector: { exact: quote, prefix: '', suffix: '', start, end: start + quote.length },
      note: 'Check with capital',
      tags: ['recruitment', 'justice'],
      color: 'green',
    }),
    await t.value('annotations.create', { blockId: 'c2.f2.ex.1', note: 'whole example' }),
    await t.value('bookmarks.add', { targetId: 'c2.f2', label: 'Recruitment' }),
  ];
  await t.value('positions.set', { targetId: 'c2.f2.po.1', position: 'support', priority: 'high' });
  const exported = await t.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true });
  hints = {
    ids: ['c2.f2.po.1', 'c2.f2.pa.2', 'c2.f2.ex.1', 'c3.f2.pa.1.1', 'p1.2', 'c2.f2', 'c2', 'p3', 'front', 'c9.f9.po.9'],
    uuids: [...made.map((m) => m.id), '00000000-0000-0000-0000-000000000000'],
    strings: [
      'remittances',
      'ethical recruitment',
      '2.2',
      'c2.f2.po.1',
      '10.7',
      'IOM',
      'support',
      String(exported.data),
    ],
  };
  probe = new Database(join(t.dataDir, 'user.db'), { readonly: true, fileMustExist: true });
});

afterAll(() => {
  probe?.close();
  if (t) {
    t.close();
    removeDir(t.dataDir);
  }
  if (stats.size) {
    const rows = [...stats].map(
      ([c, s]) => `${c.padEnd(20)} ok ${s.ok} past-schema ${s.reached} ${JSON.stringify(s.codes)}`,
    );
    console.info(`fuzz-ipc outcomes per ${RUNS} calls:\n${rows.join('\n')}`);
  }
});

const dataVersion = (): number => probe.pragma('data_version', { simple: true }) as number;

/**
 * A generated passphrase that turned protection on: after that channel's cases the notes are made
 * plain again with it, so every later channel is fuzzed on the same open, plain database whichever
 * seed made a valid vault.enable (and vault.lock does not leave the rest answering LOCKED).
 */
let enabledWith: string | null = null;
async function backToPlain(): Promise<void> {
  if (enabledWith === null) return;
  const passphrase = enabledWith;
  enabledWith = null;
  if (t.core.vault.status().locked) await t.value('vault.unlock', { passphrase });
  await t.value('vault.disable', { passphrase });
  probe.close();
  probe = new Database(join(t.dataDir, 'user.db'), { readonly: true, fileMustExist: true });
}

function bounded<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${CALL_BOUND_MS} ms`)), CALL_BOUND_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Fails the property with `message` unless `condition` holds (plain throws: expect() is too slow for 380,000 calls). */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** Checks one call; throws (failing the property) with what was wrong. */
async function call(channel: Channel, args: unknown): Promise<void> {
  const before = dataVersion();
  const result: unknown = await bounded(
    dispatch(t.core.handlers, channel, args, (message, err) =>
      internalErrors.push(`${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    ),
    channel,
  );
  const s = stats.get(channel) ?? { ok: 0, reached: 0, codes: {} };
  stats.set(channel, s);
  if (channel === 'vault.enable' && (result as { ok?: unknown }).ok === true)
    enabledWith = (args as { passphrase: string }).passphrase;
  const keys = (o: unknown): string => (o && typeof o === 'object' ? Object.keys(o).sort().join(',') : typeof o);

  const r = result as Record<string, unknown>;
  if (r?.ok === true) {
    check(keys(r) === 'ok,value', () => `${channel}: envelope ${keys(r)}`);
    // Must cross IPC (structured clone throws on functions, symbols and the like). Each channel's
    // answers are of one type, so the first few hundred suffice; cloning every one would dominate the run.
    if (s.ok < CLONE_CHECKS) structuredClone(r.value);
    s.ok++;
    s.reached++;
  } else {
    check(r?.ok === false && keys(r) === 'error,ok', () => `${channel}: envelope ${keys(r)}`);
    const error = r.error as Record<string, unknown>;
    check(keys(error) === 'code,message', () => `${channel}: error ${keys(error)}`);
    const code = error.code as ErrorCode;
    check(CODES.has(code), () => `${channel}: unknown code ${String(code)}`);
    const text = error.message;
    check(typeof text === 'string' && text.length > 0, () => `${channel}: message ${typeof text}`);
    const message = text as string;
    check(message.length <= 2_000, () => `${channel}: a ${message.length}-character message echoes the input`);
    check(!STACK_FRAME.test(message), () => `${channel}: stack trace in the message: ${message}`);
    check(code !== 'INTERNAL', () => `${channel} answered INTERNAL: ${internalErrors.at(-1) ?? message}`);
    s.codes[code] = (s.codes[code] ?? 0) + 1;
    // The dispatcher's schema rejections start with the channel name; anything else came from the handler.
    if (!(code === 'INVALID_ARGUMENT' && message.startsWith(`${channel}: `))) s.reached++;
  }
  if (r.ok !== true || READ_ONLY.has(channel)) {
    check(
      dataVersion() === before,
      () => `${channel} changed the database although it ${r.ok ? 'only reads' : 'was rejected'}`,
    );
  }
}

describe(`every channel, ${RUNS.toLocaleString('en')} arbitrary and near-valid arguments`, () => {
  CHANNELS.forEach((channel, i) => {
    it(
      channel,
      async () => {
        const args = fc.oneof(
          {
            weight: ANYTHING_WEIGHT[channel] ?? (COSTLY.has(channel) ? 9 : 1),
            arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true }),
          },
          { weight: 1, arbitrary: nearValid(channelSchema(channel), hints) },
        );
        await fc.assert(
          fc.asyncProperty(args, (a) => call(channel, a)),
          { numRuns: RUNS, seed: SEED + i, endOnFailure: true },
        );
        await backToPlain();
        // Near-valid arguments must get past the schema sometimes, or only zod was fuzzed.
        expect(stats.get(channel)!.reached, `${channel}: too few calls reached the handler`).toBeGreaterThan(
          MIN_REACHED,
        );
      },
      120_000,
    );
  });
});

describe('after the fuzzing', () => {
  it('the database is intact and every record has the contract shape', async () => {
    expect(internalErrors).toEqual([]);
    expect(probe.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(probe.pragma('foreign_key_check')).toEqual([]);
    const annotations = await t.value('annotations.list', {});
    for (const a of annotations) expect(annotationShape.safeParse(a).error?.issues ?? []).toEqual([]);
    for (const b of await t.value('bookmarks.list', {}))
      expect(bookmarkShape.safeParse(b).error?.issues ?? []).toEqual([]);
    for (const n of await t.value('notes.list', {}))
      expect(noteEntryShape.safeParse(n).error?.issues ?? []).toEqual([]);
    for (const x of await t.value('trash.list', {}))
      expect(trashItemShape.safeParse(x).error?.issues ?? []).toEqual([]);
    // Tags live in their own table: each listed annotation's tags are exactly its rows there.
    const tagRows = probe.prepare<[string], { tag: string }>(
      'SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY ord',
    );
    for (const a of annotations) expect(tagRows.all(a.id).map((r) => r.tag)).toEqual(a.tags);
  });
});
