/**
 * The user database, through the same path the renderer's calls take
 * (dispatch: argument schema, handler, user store) on a fresh data folder:
 * annotation save latency with the durability settings in use (WAL +
 * synchronous=FULL: one fsync per save), listing 1,000 and 10,000
 * annotations, and exporting 1,000 annotations to every format. A raw SQLite
 * commit with FULL and with NORMAL shows how much of a save is the fsync.
 *
 * Constraint: the annotations are realistic (notes, tags, colours, positions
 * on policy options and practical actions, text selections on real block
 * text) so listing and export do their real work; nothing here reaches into
 * the user store's tables.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../src/core/dispatch';
import { openCore } from '../../src/core/open';
import type { Core } from '../../src/core/core';
import type { Args, Channel, ResultOf } from '../../src/shared/contract/channels';
import { COLORS, EXPORT_FORMATS, type ExportFormat } from '../../src/shared/contract/types';
import type { Block } from '../../src/shared/model';
import { latencyRow, type BenchContext, type Row, type SectionOutcome } from './context';
import { fmtBytes } from './format';
import { sampleMs, seededRandom, summarize, timeMsAsync, type Summary } from './stats';

export interface UserDbData {
  /** journal_mode and synchronous as the user database reports them. */
  durability: string;
  save: { first1000: Summary; all: Summary; update: Summary };
  list: Record<string, Summary>;
  exports: Record<ExportFormat, Summary & { bytes: number }>;
  dbBytes: Record<string, number>;
  rawCommit: { full: Summary; normal: Summary };
}

async function call<K extends Channel>(core: Core, channel: K, args: Args<K>): Promise<ResultOf<K>> {
  const r = await dispatch(core.handlers, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const WORDS =
  'check with capital; red line for the delegation; align with the EU position; raise at the informal consultations; support if the text keeps decent work; ask about costs'.split(
    '; ',
  );

/** A realistic annotation on block `b`: a note, tags, a colour, a selection, and a position where one is allowed. */
function annotationArgs(b: Block, i: number, rnd: () => number): Args<'annotations.create'> {
  const note = `${WORDS[i % WORDS.length]} (${i}). ${b.text.slice(0, 80 + Math.floor(rnd() * 120))}`;
  const args: Args<'annotations.create'> = {
    blockId: b.id,
    note,
    color: COLORS[i % COLORS.length],
    tags: [`tag${i % 17}`, i % 3 === 0 ? 'priority' : 'follow-up'],
  };
  if (b.kind === 'policy-option' || b.kind === 'practical-action') args.position = i % 2 ? 'support' : 'ask-capital';
  if (i % 2 === 0 && b.text.length > 60) {
    const start = Math.floor(rnd() * (b.text.length - 40));
    const end = start + 20 + Math.floor(rnd() * 20);
    args.selector = {
      exact: b.text.slice(start, end),
      prefix: b.text.slice(Math.max(0, start - 32), start),
      suffix: b.text.slice(end, end + 32),
      start,
      end,
    };
  }
  return args;
}

/** One-row commits on a bare WAL database: the floor a durable save cannot go under. */
function rawCommit(dir: string, synchronous: 'FULL' | 'NORMAL', reps: number): Summary {
  const db = new Database(join(dir, `raw-${synchronous}.db`));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    const commit = db.transaction((s: string) => insert.run(s));
    return summarize(
      sampleMs(
        () => commit('a note of about a hundred characters, as a typical annotation would hold in its body'),
        reps,
        20,
      ),
    );
  } finally {
    db.close();
  }
}

export async function benchUserDb(ctx: BenchContext): Promise<SectionOutcome<UserDbData>> {
  const dir = mkdtempSync(join(tmpdir(), 'recollection-bench-user-'));
  const core = openCore({ contentDbPath: ctx.contentDbPath, dataDir: join(dir, 'data') });
  const dbFile = join(dir, 'data', 'user.db');
  const rnd = seededRandom(7);
  const targets = ctx.store.allBlocks().filter((b) => b.kind !== 'title');
  const total = ctx.quick ? 1_000 : 10_000;
  const listReps = ctx.quick ? 3 : 10;
  const saves: number[] = [];
  const list: Record<string, Summary> = {};
  const dbBytes: Record<string, number> = {};
  const exports = {} as UserDbData['exports'];
  try {
    const probe = new Database(dbFile, { readonly: true });
    const durability = `journal_mode=${String(probe.pragma('journal_mode', { simple: true }))}, synchronous=FULL (set per connection by src/core/user/db.ts)`;
    probe.close();

    const ids: string[] = [];
    for (let i = 0; i < total; i++) {
      const args = annotationArgs(targets[i % targets.length], i, rnd);
      let id = '';
      saves.push(await timeMsAsync(async () => void (id = (await call(core, 'annotations.create', args)).id)));
      ids.push(id);
      if (i + 1 === 1_000) {
        ctx.log('user DB: 1,000 annotations saved; listing and exporting');
        await measureListing(core, '1,000', list, listReps);
        dbBytes['1,000'] = statSync(dbFile).size;
        for (const format of EXPORT_FORMATS) {
          const times: number[] = [];
          let bytes = 0;
          for (let r = 0; r < (ctx.quick ? 2 : 5); r++) {
            times.push(
              await timeMsAsync(async () => {
                const file = await call(core, 'export.render', { format, scope: { kind: 'all' }, includeNotes: true });
                bytes = typeof file.data === 'string' ? Buffer.byteLength(file.data, 'utf8') : file.data.byteLength;
              }),
            );
          }
          exports[format] = { ...summarize(times), bytes };
        }
      }
      if ((i + 1) % 2_500 === 0) ctx.log(`user DB: ${i + 1} annotations saved`);
    }
    if (total >= 10_000) {
      await measureListing(core, '10,000', list, Math.max(3, listReps / 2));
      dbBytes['10,000'] = statSync(dbFile).size;
    }
    const updates: number[] = [];
    for (let i = 0; i < (ctx.quick ? 100 : 500); i++) {
      const id = ids[Math.floor(rnd() * ids.length)];
      updates.push(await timeMsAsync(() => call(core, 'annotations.update', { id, patch: { note: `edited ${i}` } })));
    }
    const data: UserDbData = {
      durability,
      save: { first1000: summarize(saves.slice(0, 1_000)), all: summarize(saves), update: summarize(updates) },
      list,
      exports,
      dbBytes,
      rawCommit: {
        full: rawCommit(dir, 'FULL', ctx.quick ? 200 : 1000),
        normal: rawCommit(dir, 'NORMAL', ctx.quick ? 200 : 1000),
      },
    };
    return {
      title: '6. User database (ms)',
      data,
      rows: rows(data),
      notes: [data.durability, 'through dispatch(): schema check + handler + user store, as over IPC'],
    };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureListing(core: Core, at: string, into: Record<string, Summary>, reps: number): Promise<void> {
  const time = async (fn: () => Promise<unknown>): Promise<Summary> => {
    await fn();
    const xs: number[] = [];
    for (let r = 0; r < reps; r++) xs.push(await timeMsAsync(fn));
    return summarize(xs);
  };
  into[`annotations.list, ${at}`] = await time(() => call(core, 'annotations.list', {}));
  into[`notes.list (document order), ${at}`] = await time(() => call(core, 'notes.list', { sort: 'document' }));
  into[`notes.list filtered by tag, ${at}`] = await time(() =>
    call(core, 'notes.list', { filter: { tags: ['priority'] } }),
  );
}

const lat = latencyRow;

function rows(d: UserDbData): Row[] {
  return [
    lat('annotation save (create), first 1,000', d.save.first1000),
    lat(`annotation save (create), all ${d.save.all.n.toLocaleString('en')}`, d.save.all),
    lat('annotation edit (update), random', d.save.update),
    lat('raw SQLite commit, WAL + synchronous=FULL', d.rawCommit.full),
    lat('raw SQLite commit, WAL + synchronous=NORMAL', d.rawCommit.normal),
    ...Object.entries(d.list).map(([k, s]) => lat(k, s)),
    ...EXPORT_FORMATS.filter((f) => d.exports[f]).map((f) =>
      lat(`export 1,000 → ${f}`, d.exports[f], fmtBytes(d.exports[f].bytes)),
    ),
    {
      label: 'user.db size',
      value: Object.entries(d.dbBytes)
        .map(([k, b]) => `${k}: ${fmtBytes(b)}`)
        .join(', '),
    },
  ];
}
