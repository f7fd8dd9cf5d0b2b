/**
 * The stored search index in a packed form that opens without JSON.parse of
 * the postings or MiniSearch's per-term `createPath`: the radix tree of the
 * loaded index written in pre-order with its postings as one array of 32-bit
 * integers, from which a real MiniSearch instance is put back together.
 *
 * Constraints: `unpackIndex(packIndex(x))` has exactly the state that
 * `MiniSearch.loadJSON` gives for x (the same nested Maps in the same order,
 * numbers as keys; tests/core/search-packed-index.test.ts compares every field), so MiniSearch's
 * own methods and the executor (engine.ts, query-tree.ts) work unchanged; it is
 * read and written only through OwnedIndex (owned-index.ts), MiniSearch's
 * protected members, never a cast; the
 * bytes come from a file and may be damaged: every count and length is checked
 * against what is left, and anything wrong throws an Error (the service turns it
 * into "the stored search index cannot be loaded … run npm run build:content"),
 * never a crash, a hang or a misread. MiniSearch 7 is pinned exactly, and its
 * version is part of the content fingerprint.
 *
 * Layout (little-endian, 32-bit words first): "RCIX", format version, the
 * byte width of the integers (2 when every one fits in 16 bits, else 4), the
 * byte lengths of the header JSON and of the edge labels (UTF-16LE, so any
 * string survives), the number of integers, a checksum of the rest (two sums
 * over its 32-bit words: a flipped byte is refused, not searched); then the
 * header JSON; the labels; padding to 4 bytes; the integers; padding to 4 bytes.
 * Integers: node := entryCount, entries; entry := 0, termData (the leaf, key '')
 * | labelLength, child node (the label is the next labelLength code units);
 * termData := fieldCount, then per field: fieldId, docCount, (shortId, frequency)…
 */
import type { Options } from 'minisearch';
import { LEAF, OwnedIndex, type HasInternals, type LoadedState, type RadixTree } from './owned-index';

const MAGIC = 'RCIX';
/** Bumped with any change of the layout; the content schema version is bumped with it. */
export const PACKED_INDEX_VERSION = 1;
const PREFIX = 28;

type Header = LoadedState;

/**
 * The packed bytes of a loaded index. Pack what `MiniSearch.loadJSON` returns (not a freshly built
 * index): its Maps are in loadJSON's order, which is what the app has always searched.
 */
export function packIndex(index: HasInternals): Buffer {
  const s = index.internals();
  const header: Header = {
    documentCount: s.documentCount,
    nextId: s.nextId,
    dirtCount: s.dirtCount,
    fieldIds: { ...s.fieldIds },
    averageFieldLength: [...s.avgFieldLength],
    documentIds: [...s.documentIds],
    fieldLength: [...s.fieldLength],
    storedFields: [...s.storedFields].map(([id, stored]) => {
      if (stored === undefined) throw new Error(`document ${id} has no stored fields`);
      return [id, stored];
    }),
  };
  const ints: number[] = [];
  const labels: string[] = [];
  const node = (tree: RadixTree): void => {
    ints.push(tree.size);
    for (const [key, value] of tree) {
      if (key === '') {
        const data = value as Map<number, Map<number, number>>;
        ints.push(0, data.size);
        for (const [field, docs] of data) {
          ints.push(field, docs.size);
          for (const [doc, freq] of docs) ints.push(doc, freq);
        }
      } else {
        ints.push(key.length);
        labels.push(key);
        node(value as RadixTree);
      }
    }
  };
  node(s.index._tree);
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const text = Buffer.from(labels.join(''), 'utf16le');
  const width = ints.every((v) => v >= 0 && v <= 0xffff) ? 2 : 4;
  const start = align(PREFIX + head.length + text.length);
  const out = Buffer.alloc(align(start + ints.length * width));
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(PACKED_INDEX_VERSION, 4);
  out.writeUInt32LE(width, 8);
  out.writeUInt32LE(head.length, 12);
  out.writeUInt32LE(text.length, 16);
  out.writeUInt32LE(ints.length, 20);
  head.copy(out, PREFIX);
  text.copy(out, PREFIX + head.length);
  if (width === 2) ints.forEach((v, i) => out.writeUInt16LE(v, start + i * 2));
  else ints.forEach((v, i) => out.writeInt32LE(v, start + i * 4));
  out.writeInt32LE(checksum(words(out, PREFIX, (out.length - PREFIX) / 4)), 24);
  return out;
}

const align = (n: number): number => (n + 3) & ~3;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** `count` little-endian integers at `start` (4-aligned in `bytes`): a view, or a copy on a big-endian machine. */
function integers(bytes: Uint8Array, start: number, count: number, width: 2 | 4): Uint16Array | Int32Array {
  const at = bytes.byteOffset + start;
  if (LITTLE_ENDIAN)
    return width === 2 ? new Uint16Array(bytes.buffer, at, count) : new Int32Array(bytes.buffer, at, count);
  const view = new DataView(bytes.buffer, at, count * width);
  const out = width === 2 ? new Uint16Array(count) : new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = width === 2 ? view.getUint16(i * 2, true) : view.getInt32(i * 4, true);
  return out;
}

const words = (bytes: Uint8Array, start: number, count: number): Int32Array =>
  integers(bytes, start, count, 4) as Int32Array;

/**
 * A Fletcher-style checksum over 32-bit words (two running sums, so a changed, missing or moved word
 * shows): against damage, not tampering. No calls in the loop: it runs before the code is optimised.
 */
function checksum(w: Int32Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < w.length; i++) {
    a = (a + w[i]) | 0;
    b = (b + a) | 0;
  }
  return (a ^ (b << 16) ^ (b >>> 16)) | 0;
}

const fail = (why: string): never => {
  throw new Error(`packed search index: ${why}`);
};

/** A real MiniSearch instance from packed bytes, as MiniSearch.loadJSON(json, options) would return it. */
export function unpackIndex<T>(bytes: unknown, options: Options<T>): OwnedIndex<T> {
  if (!(bytes instanceof Uint8Array)) return fail('not bytes (a database from another version?)');
  // Typed-array views need 4-aligned words: a copy in the rare case the bytes are not.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const buf = Buffer.from(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  if (buf.length < PREFIX || buf.length % 4 !== 0 || buf.toString('latin1', 0, 4) !== MAGIC) fail('no header');
  if (buf.readUInt32LE(4) !== PACKED_INDEX_VERSION)
    fail(`format ${buf.readUInt32LE(4)}, expected ${PACKED_INDEX_VERSION}`);
  if (checksum(words(buf, PREFIX, (buf.length - PREFIX) / 4)) !== buf.readInt32LE(24)) fail('checksum mismatch');
  const width = buf.readUInt32LE(8);
  const headLength = buf.readUInt32LE(12);
  const textLength = buf.readUInt32LE(16);
  const count = buf.readUInt32LE(20);
  const start = align(PREFIX + headLength + textLength);
  if (width !== 2 && width !== 4) fail(`integer width ${width}`);
  if (textLength % 2 !== 0 || align(start + count * width) !== buf.length) fail('lengths do not match the size');
  const header = headerOf(JSON.parse(buf.toString('utf8', PREFIX, PREFIX + headLength)));
  const labels = buf.toString('utf16le', PREFIX + headLength, PREFIX + headLength + textLength);
  const ints = integers(buf, start, count, width as 2 | 4);

  return OwnedIndex.fromState<T>(options, header, () => treeOf(ints, labels, Object.keys(header.fieldIds).length));
}

/**
 * A term's postings (field id → short document id → frequency), a Map read from the packed
 * integers on first use: a query reads a few dozen of the index's 2,700 terms, and making every
 * term's Maps at open was most of the unpacking and of the garbage collections after it. Every
 * reading method fills it first, so to MiniSearch and the executor it is the Map loadJSON makes.
 */
class Postings extends Map<number, Map<number, number>> {
  #ints: Uint16Array | Int32Array | null;
  readonly #at: number;
  readonly #fields: number;

  constructor(ints: Uint16Array | Int32Array, at: number, fields: number) {
    super();
    this.#ints = ints;
    this.#at = at;
    this.#fields = fields;
  }

  #fill(): void {
    const ints = this.#ints;
    if (ints === null) return;
    this.#ints = null;
    let p = this.#at;
    for (let f = 0; f < this.#fields; f++) {
      const field = ints[p];
      const n = ints[p + 1];
      p += 2;
      const docs = new Map<number, number>();
      for (const end = p + 2 * n; p < end; p += 2) docs.set(ints[p], ints[p + 1]);
      super.set(field, docs);
    }
  }

  override get size(): number {
    this.#fill();
    return super.size;
  }
  override get(key: number): Map<number, number> | undefined {
    this.#fill();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.#fill();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>): this {
    this.#fill();
    return super.set(key, value);
  }
  override delete(key: number): boolean {
    this.#fill();
    return super.delete(key);
  }
  override clear(): void {
    this.#ints = null;
    super.clear();
  }
  override forEach(
    callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void,
    thisArg?: unknown,
  ): void {
    this.#fill();
    super.forEach(callback, thisArg);
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.#fill();
    return super.entries();
  }
  override keys(): MapIterator<number> {
    this.#fill();
    return super.keys();
  }
  override values(): MapIterator<Map<number, number>> {
    this.#fill();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    this.#fill();
    return super[Symbol.iterator]();
  }
}

/**
 * The radix tree from its pre-order integers: one loop with an explicit stack and every cursor in a
 * local (the code runs once per process, mostly before it is optimised). Each count is checked
 * against the integers left before it is used, so damage ends in an error, never a long loop.
 */
function treeOf(ints: Uint16Array | Int32Array, labels: string, fields: number): RadixTree {
  const count = ints.length;
  const root: RadixTree = new Map();
  const parents: RadixTree[] = [];
  const pending: number[] = [];
  let node = root;
  let p = 0;
  let l = 0;
  let left = ints[p++];
  if (!(left >= 0 && left <= count - p)) fail('bad node');
  for (;;) {
    if (left === 0) {
      const parent = parents.pop();
      if (parent === undefined) break;
      node = parent;
      left = pending.pop() ?? 0;
      continue;
    }
    left--;
    if (p >= count) fail('truncated');
    const length = ints[p++];
    if (length === 0) {
      const fieldCount = ints[p++];
      if (!(fieldCount >= 0 && fieldCount <= count - p)) fail('bad term');
      // Checked now (every count against what is left); the postings themselves are read on first use.
      const at = p;
      for (let f = 0; f < fieldCount; f++) {
        const field = ints[p];
        const n = ints[p + 1];
        p += 2;
        if (!(field >= 0 && field < fields && n >= 0 && n <= (count - p) / 2)) fail('bad postings');
        p += 2 * n;
      }
      node.set(LEAF, new Postings(ints, at, fieldCount));
    } else {
      if (!(length > 0 && length <= labels.length - l)) fail('bad label');
      const child: RadixTree = new Map();
      node.set(labels.slice(l, (l += length)), child);
      parents.push(node);
      pending.push(left);
      node = child;
      left = ints[p++];
      if (!(left >= 0 && left <= count - p)) fail('bad node');
    }
  }
  if (p !== count || l !== labels.length) fail('trailing data');
  return root;
}

const isInt = (v: unknown): v is number => Number.isInteger(v);
const isPairs = (v: unknown, second: (x: unknown) => boolean): boolean =>
  Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && isInt(e[0]) && second(e[1]));

/** The header, checked by hand (a zod parse would compile its schema at every start). */
function headerOf(v: unknown): Header {
  const h = (v ?? {}) as Record<string, unknown>;
  const ok =
    isInt(h.documentCount) &&
    isInt(h.nextId) &&
    isInt(h.dirtCount) &&
    h.fieldIds !== null &&
    typeof h.fieldIds === 'object' &&
    Object.values(h.fieldIds).every(isInt) &&
    Array.isArray(h.averageFieldLength) &&
    isPairs(h.documentIds, (x) => typeof x === 'string') &&
    isPairs(h.fieldLength, Array.isArray) &&
    isPairs(h.storedFields, (x) => x !== null && typeof x === 'object');
  return ok ? (h as unknown as Header) : fail('bad header');
}
