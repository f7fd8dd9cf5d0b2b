/**
 * Importer fuzzing through the channels: a real JSON export (~20 notes made
 * through the channels) is mutated — characters deleted, inserted or replaced,
 * the file cut short, values swapped or replaced, keys dropped, items
 * duplicated, ids and dates changed — and fed to `import.apply` on a data
 * folder that already holds notes of its own.
 *
 * Each import either succeeds whole (its preview matches what it did, a second
 * preview finds nothing left to add or update, and nothing already there is
 * gone) or is rejected with INVALID_ARGUMENT and the notes are exactly as
 * before (`notes.list`, `annotations.list`, `bookmarks.list`, `trash.list`
 * compared in full). Never a partial import. And what was accepted can leave
 * again: after every accepted import, the target's JSON export is imported
 * into a fresh data folder, which must accept it and hold the same notes
 * (a bookmark that took a note's id, or a date an offset carried past
 * 9999, made every later export un-importable). The rejection messages of the
 * whole-file cases (too big, not JSON, wrong top level, duplicate ids) are
 * checked here through the channel; the parser's own cases are in
 * src/core/exchange/import.test.ts. Sealed inputs: the sealed text
 * mutated, a byte of the age file changed with its checksum made to match (never
 * imported), the file cut short, and mutated exports sealed, which must get the
 * same answer as unsealed.
 * src/core/exchange/import.test.ts.
 *
 * Layer files are the same export signed by its author: the same
 * mutations fed to `layers.add` on a third data folder either add a
 * layer whole (a second preview finds it the same) or are refused (INVALID_ARGUMENT,
 * or CONFLICT for an older or one's own file) with every layer and the folder's
 * own notes exactly as before. Sealed layer files, as the shared folder
 * reads them (`openLayerFile`): the sealed text mutated, a byte of the age file
 * changed with its checksum made to match, the file cut short, and mutated
 * layers sealed, which must get the same answer as plain; a file either opens
 * to exactly what was sealed (and is added whole) or is refused whole.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { armor } from 'age-encryption';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import type { Args } from '../../src/shared/contract/channels';
import type { ImportPreview } from '../../src/shared/contract/types';
import { openTestCore, removeDir, type TestCore } from '../support/core';
import { annotationShape, bookmarkShape } from './shapes';
import { openLayerFile, parseLayerFile } from '../../src/core/delegation/layer-file';
import { seal, unseal } from '../../src/core/exchange/seal';
import { CoreError } from '../../src/shared/contract/result';

const SEED = 424_242;
const RUNS = 600;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

let source: TestCore;
let target: TestCore;
/** Receives the mutated files as layers. */
let layered: TestCore;
/** The export of the source's notes: the file every mutation starts from. */
let exported: string;
const outcomes = { applied: 0, rejected: 0, roundTrips: 0, layersAdded: 0, layersRejected: 0 };
/** Ids of the target's own records (not in the exported file), for mutations that reuse them. */
let targetOwn: string[] = [];

const tmpBase = (): string => (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

/** A few words of a block's text, as a selector the store accepts. */
async function quote(
  t: TestCore,
  blockId: string,
  words: number,
): Promise<Pick<Args<'annotations.create'>, 'blockId' | 'selector'>> {
  const text = (await t.value('content.block', { id: blockId })).block.text;
  const exact = text
    .split(' ')
    .slice(1, 1 + words)
    .join(' ');
  const start = text.indexOf(exact);
  return { blockId, selector: { exact, prefix: '', suffix: '', start, end: start + exact.length } };
}

beforeAll(async () => {
  source = openTestCore(mkdtempSync(join(tmpBase(), 'recollection-import-src-')));
  target = openTestCore(mkdtempSync(join(tmpBase(), 'recollection-import-dst-')));
  const areas = ['c1.f1', 'c2.f2', 'c3.f2', 'c4.f1', 'c5.f1', 'c6.f1'];
  for (const [i, area] of areas.entries()) {
    const page = await source.value('content.section', { id: area });
    const po = page.blocks.find((b) => b.kind === 'policy-option')!;
    const ex = page.blocks.find((b) => b.kind === 'example') ?? page.blocks.at(-1)!;
    await source.value('annotations.create', {
      ...(await quote(source, po.id, 3 + i)),
      note: `Position note ${i}: **check** with capital — «${area}»`,
      tags: [`area-${i}`, 'gfmd', i % 2 ? 'Priority' : 'follow up'],
      color: (['yellow', 'green', 'blue', 'red', 'purple'] as const)[i % 5],
    });
    await source.value('positions.set', {
      targetId: po.id,
      position: (['support', 'oppose', 'red-line'] as const)[i % 3],
      priority: (['high', 'medium', 'low'] as const)[i % 3],
    });
    await source.value('annotations.create', { blockId: ex.id, note: `Whole example ${i} 😀` });
    await source.value('bookmarks.add', { targetId: i % 2 ? area : po.id, label: `Bookmark ${i}` });
  }
  for (const id of ['p1.2', 'c2.1']) await source.value('annotations.create', { blockId: id, note: `on ${id}` });
  exported = String(
    (await source.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true })).data,
  );

  // The target already has notes: an earlier import of the same file, two of them edited since
  // (so the file's copies are older: skipped), and notes of its own.
  await target.value('import.apply', { data: exported });
  const [first, second] = await target.value('annotations.list', {});
  await target.value('annotations.update', { id: first.id, patch: { note: 'edited here after the import' } });
  await target.value('annotations.update', { id: second.id, patch: { tags: ['local'] } });
  await target.value('annotations.create', { blockId: 'c2.f2.pa.1', note: 'target only', tags: ['mine'] });
  const own = await target.value('bookmarks.add', { targetId: 'p1', label: 'target only' });
  const mine = (await target.value('annotations.list', {})).find((a) => a.note === 'target only')!;
  targetOwn = [`urn:uuid:${own.id}`, `urn:uuid:${mine.id}`];

  layered = openTestCore(mkdtempSync(join(tmpBase(), 'recollection-import-layers-')));
  await layered.value('annotations.create', { blockId: 'c2.f2.pa.1', note: 'layered folder’s own', tags: ['own'] });
  await layered.value('positions.set', { targetId: 'c2.f2.po.1', position: 'oppose' });
});

afterAll(() => {
  for (const t of [source, target, layered]) {
    if (!t) continue;
    t.close();
    removeDir(t.dataDir);
  }
  console.info(
    `fuzz-import: ${outcomes.applied} mutated files imported whole (${outcomes.roundTrips} exported and imported again into a fresh folder), ${outcomes.rejected} rejected whole; layers: ${outcomes.layersAdded} added or updated whole, ${outcomes.layersRejected} rejected whole`,
  );
});

/** Everything a user can see of their notes, in full. */
async function snapshot(): Promise<string> {
  return JSON.stringify([
    await target.value('notes.list', {}),
    await target.value('annotations.list', {}),
    await target.value('bookmarks.list', {}),
    await target.value('trash.list', {}),
  ]);
}

async function ids(): Promise<Set<string>> {
  const a = await target.value('annotations.list', {});
  const b = await target.value('bookmarks.list', {});
  return new Set([...a.map((x) => x.id), ...b.map((x) => x.id)]);
}

/** An import channel through dispatch(), with any unexpected exception's stack in the failure. */
async function importCall<K extends 'import.preview' | 'import.apply'>(channel: K, data: string, passphrase?: string) {
  let internal = '';
  const result = await dispatch<K>(target.core.handlers, channel, { data, passphrase }, (message, err) => {
    internal = `${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
  });
  expect(internal, 'an import must never fail with an unexpected exception').toBe('');
  return result;
}

/**
 * Imports `data` (sealed: opened with `passphrase`) into the target and checks the all-or-nothing rule;
 * returns the rejection message, if any. A sealed file may also be refused as damaged or for its passphrase.
 */
async function importWhole(data: string, passphrase?: string): Promise<string | null> {
  const before = await snapshot();
  const idsBefore = await ids();
  const preview = await importCall('import.preview', data, passphrase);
  expect(await snapshot(), 'a preview must write nothing').toBe(before);
  const result = await importCall('import.apply', data, passphrase);
  if (!result.ok) {
    const codes = passphrase === undefined ? ['INVALID_ARGUMENT'] : ['INVALID_ARGUMENT', 'DAMAGED', 'WRONG_PASSPHRASE'];
    expect(codes, `${result.error.code}: ${result.error.message}`).toContain(result.error.code);
    // The preview refuses it for the same reason (the dispatcher prefixes schema errors with the channel).
    const reason = (m: string) => m.replace(/^import\.(preview|apply): /, '');
    expect(preview.ok ? 'preview accepted it' : reason(preview.error.message)).toBe(reason(result.error.message));
    expect(await snapshot(), `rejected (${result.error.message}) but the notes changed`).toBe(before);
    outcomes.rejected++;
    return result.error.message;
  }
  expect(preview.ok && preview.value).toEqual(result.value);
  const again = await target.value('import.preview', { data, passphrase });
  const left: Partial<ImportPreview> = { added: again.added, updated: again.updated };
  expect(left, 'a second import still finds records to add or update: the first was partial').toEqual({
    added: 0,
    updated: 0,
  });
  const idsAfter = await ids();
  for (const id of idsBefore) expect(idsAfter.has(id), `${id} vanished in an import`).toBe(true);
  for (const a of await target.value('annotations.list', {})) expect(annotationShape.parse(a)).toEqual(a);
  for (const b of await target.value('bookmarks.list', {})) expect(bookmarkShape.parse(b)).toEqual(b);
  await exportsAgain();
  outcomes.applied++;
  return null;
}

/** The round-trip property: the target's export imports into a fresh data folder, giving the same notes. */
async function exportsAgain(): Promise<void> {
  const file = await target.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true });
  const fresh = openTestCore(mkdtempSync(join(tmpBase(), 'recollection-import-fresh-')));
  try {
    const result = await fresh.call('import.apply', { data: String(file.data) });
    expect(result.ok ? null : result.error.message, 'an accepted import made an export that does not import').toBe(
      null,
    );
    // The same records; records made in the same millisecond may list in another order.
    const byId = <T extends { id: string }>(list: T[]): T[] => list.sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await fresh.value('bookmarks.list', {}))).toEqual(byId(await target.value('bookmarks.list', {})));
    expect(byId(await fresh.value('annotations.list', {}))).toEqual(byId(await target.value('annotations.list', {})));
    outcomes.roundTrips++;
  } finally {
    fresh.close();
    removeDir(fresh.dataDir);
  }
}

// ------------------------------------------------------------ structural mutations on the parsed file

function allPaths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...at, k], out);
  return out;
}

function get(root: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, root);
}

function set(root: Json, path: Path, value: Json | undefined): void {
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path.at(-1)!;
  if (value !== undefined) (parent as Record<string | number, Json>)[key] = value;
  else if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, Json>)[key];
}

const ISO = /^\d{4}-\d{2}-\d{2}T/;
type Op =
  | { kind: 'drop'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'new-id'; at: number; uuid: string }
  | { kind: 'copy-id'; at: number; from: number }
  | { kind: 'foreign-id'; at: number; from: number }
  | { kind: 'date'; at: number; date: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('new-id' as const), at: fc.nat(), uuid: fc.uuid({ version: 4 }) }),
  fc.record({ kind: fc.constant('copy-id' as const), at: fc.nat(), from: fc.nat() }),
  // An id the target already uses for a record of its own, of either kind.
  fc.record({ kind: fc.constant('foreign-id' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({
    kind: fc.constant('date' as const),
    at: fc.nat(),
    date: fc.constantFrom(
      '2099-01-01T00:00:00Z',
      '2000-01-01T00:00:00Z',
      '2025-02-30T10:00:00Z',
      '2025-13-01T00:00Z',
      'yesterday',
      // Offsets that carry a date over a year boundary.
      '9999-12-31T23:59:59-23:59',
      '9999-12-31T23:59:59+23:59',
      '0000-01-01T00:00:00+01:00',
      '0000-01-01T00:00:00-12:00',
      '2024-02-29T23:30:00-05:45',
    ),
  }),
);

function mutate(file: Json, ops: Op[]): Json {
  const root = structuredClone(file);
  for (const op of ops) {
    const paths = allPaths(root).slice(1); // never the root itself
    if (paths.length === 0) break;
    const at = paths[op.at % paths.length];
    const current = get(root, at);
    const text = (p: Path): string | null => {
      const v = get(root, p);
      return typeof v === 'string' ? v : null;
    };
    const strings = paths.filter((p) => text(p) !== null);
    const pick = (n: number, among: Path[]): Path | undefined => among[n % Math.max(1, among.length)];
    switch (op.kind) {
      case 'drop':
        set(root, at, undefined);
        break;
      case 'replace':
        set(root, at, op.value);
        break;
      case 'swap': {
        const other = paths[op.with % paths.length];
        const nested = (a: Path, b: Path) => a.length <= b.length && a.every((k, i) => b[i] === k);
        if (nested(at, other) || nested(other, at)) break;
        const value = get(root, other);
        set(root, other, current);
        set(root, at, value);
        break;
      }
      case 'duplicate': {
        const parent = get(root, at.slice(0, -1));
        if (Array.isArray(parent)) parent.splice(Number(at.at(-1)) + 1, 0, structuredClone(current));
        break;
      }
      case 'new-id':
      case 'copy-id':
      case 'foreign-id': {
        const idPaths = strings.filter((p) => text(p)!.startsWith('urn:uuid:'));
        const idAt = pick(op.at, idPaths);
        if (!idAt) break;
        const source =
          op.kind === 'new-id'
            ? `urn:uuid:${op.uuid}`
            : op.kind === 'foreign-id'
              ? targetOwn[op.from % targetOwn.length]
              : get(root, pick(op.from, idPaths)!);
        set(root, idAt, source);
        break;
      }
      case 'date': {
        const dateAt = pick(
          op.at,
          strings.filter((p) => ISO.test(text(p)!)),
        );
        if (dateAt) set(root, dateAt, op.date);
        break;
      }
    }
  }
  return root;
}

// ------------------------------------------------------------ the tests

describe('import.apply of a mutated export: all or nothing', () => {
  it(`${RUNS} structural mutations (drop, replace, swap, duplicate, ids, dates)`, async () => {
    const file = JSON.parse(exported) as Json;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 3 }), async (ops) => {
        await importWhole(JSON.stringify(mutate(file, ops), null, ops.length === 1 ? 2 : undefined));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 300_000);

  it(`${RUNS} character mutations (delete, insert, replace)`, async () => {
    const edit = fc.record({
      at: fc.nat({ max: exported.length }),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '{', '}', ',', ']', '\\', '\u0000', '😀')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        let text = exported;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        await importWhole(text);
      }),
      { numRuns: RUNS, seed: SEED + 1, endOnFailure: true },
    );
  }, 300_000);

  it('the file cut short at every 97th offset', async () => {
    let rejected = 0;
    for (let end = 0; end < exported.length; end += 97) {
      if ((await importWhole(exported.slice(0, end))) !== null) rejected++;
    }
    // Only a cut inside the trailing whitespace leaves valid JSON; every real cut is refused.
    expect(rejected).toBe(Math.ceil(exported.trimEnd().length / 97));
  }, 300_000);
});

describe('whole-file rejections through the channel, notes unchanged', () => {
  it('a 50 MB file', async () => {
    const huge = `[${'"x",'.repeat(12.5 * 1024 * 1024)}"x"]`;
    expect(huge.length).toBeGreaterThan(50 * 1024 * 1024);
    expect(await importWhole(huge)).toMatch(/import\.apply: data: .*(big|long|at most|<=)/i);
  });

  it('a file within the character limit but over it in bytes (UTF-8)', async () => {
    const wide = `"${'é'.repeat(11 * 1024 * 1024)}"`; // 11 M characters, 22 MB
    expect(await importWhole(wide)).toMatch(/file: 22\.0 MB; at most 20\.0 MB can be imported/);
  });

  it('invalid JSON, with where it goes wrong', async () => {
    expect(await importWhole('{"type": "AnnotationPage",\n "items": [}')).toMatch(
      /^file: invalid JSON at line 2, column/,
    );
    expect(await importWhole(exported.slice(0, exported.length / 2))).toMatch(/^file: invalid JSON/);
  });

  it('a top level that is not annotations', async () => {
    for (const top of ['42', '"notes"', 'null', '{}', '{"type": "Collection"}', 'true']) {
      expect(await importWhole(top)).toMatch(/^top level: expected an Annotation/);
    }
  });

  it('duplicate ids inside the file', async () => {
    const file = JSON.parse(exported) as { total: number; first: { items: Json[] } };
    file.first.items.push(structuredClone(file.first.items[2]!));
    file.total++;
    const message = await importWhole(JSON.stringify(file));
    expect(message).toMatch(/first\.items\[\d+\]\.id: duplicate of first\.items\[2\]/);
  });
});

describe('sealed inputs: all or nothing, and sealing changes nothing about an import', () => {
  const PASS = 'fuzzing passphrase';
  /** A low scrypt work factor: the key stretching is not what is tested here. */
  const FAST = 10;
  let sealedFile: string;
  beforeAll(async () => {
    sealedFile = await seal({ format: 'json', filename: 'notes.json', data: exported }, PASS, FAST);
  });

  it('200 character mutations of the sealed text (delete, insert, replace): applied whole or refused', async () => {
    const edit = fc.record({
      at: fc.nat({ max: sealedFile.length }),
      remove: fc.nat({ max: 8 }),
      insert: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('A', '/', '=', '\n', '-', '\u0000')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 2 }), async (edits) => {
        let text = sealedFile;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        await importWhole(text, PASS);
      }),
      { numRuns: 200, seed: SEED + 2, endOnFailure: true },
    );
  }, 300_000);

  it('a byte of the age file changed, its checksum made to match: never imported', async () => {
    const at = sealedFile.indexOf('-----BEGIN');
    const bytes = armor.decode(sealedFile.slice(at));
    const changed = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
        const copy = bytes.slice();
        copy[i] = (copy[i] ?? 0) ^ x;
        const sum = createHash('sha256').update(copy).digest('hex');
        const text = `${sealedFile.slice(0, at).replace(/[0-9a-f]{64}/, sum)}${armor.encode(copy)}`;
        const message = await importWhole(text, PASS);
        expect(message, `byte ${i} changed, yet the file was imported`).not.toBeNull();
        changed.add(message ?? '');
      }),
      { numRuns: 120, seed: SEED + 3, endOnFailure: true },
    );
    expect(changed.size).toBeGreaterThan(1);
  }, 300_000);

  it('the sealed file cut short at every 61st offset: always refused', async () => {
    for (let end = 0; end < sealedFile.trimEnd().length; end += 61) {
      expect(await importWhole(sealedFile.slice(0, end), PASS)).not.toBeNull();
    }
  }, 300_000);

  it('60 structural mutations, sealed: the same answer as the same file unsealed', async () => {
    const file = JSON.parse(exported) as Json;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 2 }), async (ops) => {
        const text = JSON.stringify(mutate(file, ops));
        const plain = await importCall('import.preview', text);
        const sealedText = await seal({ format: 'json', filename: 'notes.json', data: text }, PASS, FAST);
        const opened = await importCall('import.preview', sealedText, PASS);
        expect(opened.ok ? opened.value : opened.error).toEqual(plain.ok ? plain.value : plain.error);
        await importWhole(sealedText, PASS);
      }),
      { numRuns: 60, seed: SEED + 4, endOnFailure: true },
    );
  }, 300_000);
});

// ------------------------------------------------------------ layer files

/** Every layer with all its notes and positions, and the folder's own notes: what must not change on a refusal. */
async function layerSnapshot(): Promise<string> {
  const layers = await layered.value('layers.list', {});
  const ids = layers.map((l) => l.id);
  return JSON.stringify([
    layers,
    ids.length ? await layered.value('layers.notesPage', { layerIds: ids, offset: 0, limit: 500 }) : null,
    await layered.value('layers.positions', { layerIds: ids }),
    await layered.value('annotations.list', {}),
    await layered.value('positions.list', {}),
  ]);
}

async function addLayerWhole(data: string): Promise<void> {
  // Each file meets an empty set of layers, so it is read as a new layer (updates: tests/core/layers.test.ts).
  for (const l of await layered.value('layers.list', {})) await layered.value('layers.remove', { id: l.id });
  const before = await layerSnapshot();
  const ownBefore = JSON.stringify(await layered.value('annotations.list', {}));
  let internal = '';
  const onError = (message: string, err: unknown): void => {
    internal = `${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
  };
  const preview = await dispatch(layered.core.handlers, 'layers.preview', { data }, onError);
  expect(await layerSnapshot(), 'a preview must write nothing').toBe(before);
  const result = await dispatch(layered.core.handlers, 'layers.add', { data }, onError);
  expect(internal, 'adding a layer must never fail with an unexpected exception').toBe('');
  if (!result.ok) {
    expect(['INVALID_ARGUMENT', 'CONFLICT'], result.error.message).toContain(result.error.code);
    expect(preview.ok, 'the preview accepted what add refused').toBe(false);
    expect(await layerSnapshot(), `refused (${result.error.message}) but something changed`).toBe(before);
    outcomes.layersRejected++;
    return;
  }
  expect(preview.ok && preview.value.action).toBe(result.value.action);
  expect(result.value.layer?.counts).toEqual(result.value.counts);
  const again = await layered.value('layers.preview', { data });
  expect(again.action, 'the same file again must be nothing to do: the layer was stored partly').toBe('same');
  expect(JSON.stringify(await layered.value('annotations.list', {})), 'a layer changed the own notes').toBe(ownBefore);
  outcomes.layersAdded++;
}

describe('layers.add of a mutated layer file: whole or not at all', () => {
  const LAYER_RUNS = 250;

  it('the file is signed by its author', () => {
    expect((JSON.parse(exported) as Record<string, Json>)['rec:author']).toMatchObject({ name: '' });
  });

  it(`${LAYER_RUNS} structural mutations`, async () => {
    const file = JSON.parse(exported) as Json;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 3 }), async (ops) => {
        await addLayerWhole(JSON.stringify(mutate(file, ops)));
      }),
      { numRuns: LAYER_RUNS, seed: SEED + 2, endOnFailure: true },
    );
  }, 300_000);

  it(`${LAYER_RUNS} character mutations`, async () => {
    const edit = fc.record({
      at: fc.nat({ max: exported.length }),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '{', '}', ',', ']', '\\', '\u0000')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        let text = exported;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        await addLayerWhole(text);
      }),
      { numRuns: LAYER_RUNS, seed: SEED + 3, endOnFailure: true },
    );
  }, 300_000);

  it('the file cut short at every 97th offset: every real cut refused', async () => {
    const before = outcomes.layersRejected;
    for (let end = 0; end < exported.trimEnd().length; end += 97) await addLayerWhole(exported.slice(0, end));
    expect(outcomes.layersRejected - before).toBe(Math.ceil(exported.trimEnd().length / 97));
  }, 300_000);
});

// ------------------------------------------------------------ sealed layer files

/**
 * Reads a sealed layer file as the shared folder does (`openLayerFile`, then the layer added): either it
 * opens to exactly the file that was sealed (the same fingerprint) and is added whole, or it is refused
 * with a CoreError of a known code, and nothing is added. Returns the refusal, if any.
 */
async function openSealedLayerWhole(text: string, passphrase: string, expected: string | null): Promise<string | null> {
  const before = await layerSnapshot();
  let opened: Awaited<ReturnType<typeof openLayerFile>>;
  try {
    opened = await openLayerFile(text, passphrase);
  } catch (err) {
    expect(err, 'a sealed layer file must be refused with a CoreError').toBeInstanceOf(CoreError);
    const code = (err as CoreError).code;
    expect(['INVALID_ARGUMENT', 'WRONG_PASSPHRASE', 'DAMAGED', 'PASSPHRASE_NEEDED'], (err as Error).message).toContain(
      code,
    );
    expect((err as Error).message).not.toContain(passphrase);
    expect(await layerSnapshot(), 'a refused sealed file changed something').toBe(before);
    outcomes.layersRejected++;
    return (err as Error).message;
  }
  expect(opened.sealed).toBe(true);
  if (expected !== null) expect(opened.file.fingerprint, 'opened to other contents than were sealed').toBe(expected);
  const inner = new TextDecoder().decode((await unseal(text, passphrase)).data);
  await addLayerWhole(inner);
  return null;
}

describe('sealed layer files: opened whole as sealed, or refused whole', () => {
  const PASS = 'delegation fuzzing passphrase';
  /** A low scrypt work factor: the key stretching is not what is tested here. */
  const FAST = 10;
  let sealedLayer: string;
  let fingerprint: string;
  beforeAll(async () => {
    sealedLayer = await seal({ format: 'json', filename: 'layer.json', data: exported }, PASS, FAST);
    fingerprint = parseLayerFile(exported).fingerprint;
  });

  it('opens with its passphrase, asks for one without, refuses another', async () => {
    expect(await openSealedLayerWhole(sealedLayer, PASS, fingerprint)).toBeNull();
    expect(await openSealedLayerWhole(sealedLayer, 'not the delegation passphrase', null)).toMatch(
      /passphrase does not open/,
    );
    await expect(openLayerFile(sealedLayer, null)).rejects.toMatchObject({ code: 'PASSPHRASE_NEEDED' });
  }, 60_000);

  it('150 character mutations of the sealed text: the same file opened, or refused whole', async () => {
    const edit = fc.record({
      at: fc.nat({ max: sealedLayer.length }),
      remove: fc.nat({ max: 8 }),
      insert: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('A', '/', '=', '\n', '-', '\u0000')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 2 }), async (edits) => {
        let text = sealedLayer;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        await openSealedLayerWhole(text, PASS, fingerprint);
      }),
      { numRuns: 150, seed: SEED + 5, endOnFailure: true },
    );
  }, 300_000);

  it('a byte of the age file changed, its checksum made to match: never opened', async () => {
    const at = sealedLayer.indexOf('-----BEGIN');
    const bytes = armor.decode(sealedLayer.slice(at));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
        const copy = bytes.slice();
        copy[i] = (copy[i] ?? 0) ^ x;
        const sum = createHash('sha256').update(copy).digest('hex');
        const text = `${sealedLayer.slice(0, at).replace(/[0-9a-f]{64}/, sum)}${armor.encode(copy)}`;
        expect(await openSealedLayerWhole(text, PASS, null), `byte ${i} changed, yet it opened`).not.toBeNull();
      }),
      { numRuns: 80, seed: SEED + 6, endOnFailure: true },
    );
  }, 300_000);

  it('the sealed layer file cut short at every 61st offset: always refused', async () => {
    for (let end = 0; end < sealedLayer.trimEnd().length; end += 61) {
      expect(await openSealedLayerWhole(sealedLayer.slice(0, end), PASS, null)).not.toBeNull();
    }
  }, 300_000);

  it('40 structural mutations of the layer, sealed: the same answer as the same file plain', async () => {
    const file = JSON.parse(exported) as Json;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 2 }), async (ops) => {
        const text = JSON.stringify(mutate(file, ops));
        let plain: string;
        try {
          plain = parseLayerFile(text).fingerprint;
        } catch (err) {
          plain = `refused: ${(err as Error).message}`;
        }
        const sealedText = await seal({ format: 'json', filename: 'layer.json', data: text }, PASS, FAST);
        let opened: string;
        try {
          opened = (await openLayerFile(sealedText, PASS)).file.fingerprint;
        } catch (err) {
          opened = `refused: ${(err as Error).message}`;
        }
        expect(opened).toBe(plain);
        await openSealedLayerWhole(sealedText, PASS, plain.startsWith('refused') ? null : plain);
      }),
      { numRuns: 40, seed: SEED + 7, endOnFailure: true },
    );
  }, 300_000);
});
