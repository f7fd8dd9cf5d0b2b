/**
 * fast-check arbitraries for fuzzing the channels: for each channel, values
 * shaped like its argument schema but often a little wrong — the right keys
 * with wrong types, numbers at and just past their bounds, strings of exactly
 * the maximum length and one more, odd Unicode (lone surrogates, emoji,
 * combining marks), `__proto__` / `constructor` keys, missing and extra keys —
 * mixed with known-good values (real block ids, existing record ids) so that
 * many calls get past validation and exercise the handlers too.
 *
 * Constraint: derived from the contract itself (zod's `toJSONSchema` of each
 * argument schema), so a channel added to the contract is fuzzed without
 * touching this file; and cheap to generate (boundary strings and arrays are
 * built once and shared), so 10,000 runs per channel stay fast.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { argSchemas, type Channel } from '../../src/shared/contract/channels';

/** The part of JSON Schema that zod's toJSONSchema emits for our argument schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}

/** Real values the generators mix in, so some calls are valid. */
export interface Hints {
  /** Block and section ids that exist, plus id-shaped ones that do not. */
  ids: string[];
  /** UUIDs of records that exist (and some that do not). */
  uuids: string[];
  /** Other strings worth trying anywhere: words of the document, a valid import file, path tricks. */
  strings: string[];
}

export function channelSchema(channel: Channel): JsonSchema {
  return z.toJSONSchema(argSchemas[channel], { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const UUID_PATTERN = /0-9a-f\]\{8\}/;
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then', ''];

/** Odd strings that often break naive code. */
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800', // lone high surrogate
  'a\uDC00b', // lone low surrogate
  'e\u0301', // e + combining acute
  '😀',
  '👩‍👩‍👧',
  '\u202Eevil', // right-to-left override
  '<script>alert(1)</script>',
  '"; DROP TABLE annotations; --',
  '../../etc/passwd',
  '..',
  '.',
  'user.db',
  'C:\\Windows\\win.ini',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'https://example.org/',
  '%00',
  '\r\n',
  'null',
  'undefined',
  'NaN',
];

/** Wrong-typed values: what a confused or hostile caller sends instead of the right thing. */
function wrongValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(null, undefined, true, false, 0, -1, NaN, Infinity, -Infinity, '', [], {}, '0', 'true'),
    fc.anything({ maxDepth: 2, maxKeys: 3 }),
  );
}

/** Strings of exactly `n` and `n + 1` UTF-16 units, in ASCII and in astral characters; shared, built once. */
const boundaryCache = new Map<number, string[]>();
function boundaryStrings(max: number): string[] {
  let cached = boundaryCache.get(max);
  if (!cached) {
    const astral = (n: number) => '😀'.repeat(Math.floor(n / 2)) + (n % 2 ? 'x' : '');
    cached = ['x'.repeat(max), 'x'.repeat(max + 1), astral(max), astral(max + 1), 'é'.repeat(max)];
    boundaryCache.set(max, cached);
  }
  return cached;
}

function stringArb(s: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  const max = s.maxLength ?? 1000;
  // Long boundary strings (notes, import files) cost milliseconds in every later call that reads
  // them back: tried rarely, but tried.
  const boundaryWeight = max >= 10_000 ? 1 : 10;
  const options: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 30, arbitrary: fc.string({ maxLength: Math.min(max + 2, 40) }) },
    { weight: 10, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(max + 2, 40) }) },
    { weight: 20, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: boundaryWeight, arbitrary: fc.constantFrom(...boundaryStrings(max)) },
    { weight: 20, arbitrary: fc.constantFrom(...hints.strings) },
  ];
  if (s.pattern && UUID_PATTERN.test(s.pattern)) {
    options.push({ weight: 80, arbitrary: fc.constantFrom(...hints.uuids) }, { weight: 20, arbitrary: fc.uuid() });
  } else if (s.pattern) {
    options.push({ weight: 80, arbitrary: fc.constantFrom(...hints.ids) });
  }
  return fc.oneof(...options);
}

function numberArb(s: JsonSchema): fc.Arbitrary<unknown> {
  const min = s.minimum ?? -1e6;
  const max = s.maximum ?? 1e6;
  const edges = [min, max, min - 1, max + 1, 0, -0, -1, 0.5, max + 0.5, 2 ** 31, 2 ** 53, -(2 ** 53)];
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, min + 200) }) },
    { weight: 2, arbitrary: fc.integer({ min, max }) },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(String(min), `${max}`) },
  );
}

function arrayArb(s: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const item = s.items ? nearValid(s.items, hints, depth + 1) : wrongValue();
  const max = s.maxItems ?? 50;
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(item, { maxLength: Math.min(max, 4) }) },
    // Exactly at the limit and one past it: one element repeated (cheap even for 10,000).
    { weight: 1, arbitrary: item.map((v) => Array<unknown>(max).fill(v)) },
    { weight: 1, arbitrary: item.map((v) => Array<unknown>(max + 1).fill(v)) },
  );
}

/** An object with own properties, `__proto__` included as a plain key (as JSON.parse makes it). */
function ownObject(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function objectArb(s: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  // Required keys are nearly always there, optional ones half the time.
  const field = ([key, schema]: [string, JsonSchema]) =>
    fc.tuple(
      fc.constant(key),
      required.has(key) ? fc.oneof({ weight: 19, arbitrary: fc.constant(true) }, fc.constant(false)) : fc.boolean(),
      nearValid(schema, hints, depth + 1),
    );
  const extra = fc.tuple(fc.constantFrom(...HOSTILE_KEYS, ...props.map(([k]) => k.toUpperCase())), wrongValue());
  return fc
    .tuple(
      fc.tuple(...props.map(field)),
      fc.oneof({ weight: 9, arbitrary: fc.constant([]) }, fc.array(extra, { minLength: 1, maxLength: 2 })),
    )
    .map(([fields, extras]) =>
      ownObject([
        ...fields.filter(([, present]) => present).map(([k, , v]) => [k, v] as const),
        ...extras.map(([k, v]) => [k, v] as const),
      ]),
    );
}

/** Values shaped like `s`: mostly right, sometimes wrong in one place. */
export function nearValid(s: JsonSchema, hints: Hints, depth = 0): fc.Arbitrary<unknown> {
  let right: fc.Arbitrary<unknown>;
  if (s.anyOf) right = fc.oneof(...s.anyOf.map((a) => nearValid(a, hints, depth + 1)));
  else if (s.enum) right = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...s.enum) }, fc.constant('not-a-member'));
  else if (s.type === 'object') right = objectArb(s, hints, depth);
  else if (s.type === 'array') right = arrayArb(s, hints, depth);
  else if (s.type === 'string') right = stringArb(s, hints);
  else if (s.type === 'integer' || s.type === 'number') right = numberArb(s);
  else if (s.type === 'boolean') right = fc.boolean();
  else right = wrongValue();
  // The top level always has the right shape (wholly random values come from fc.anything in the test).
  return depth === 0 ? right : fc.oneof({ weight: 12, arbitrary: right }, wrongValue());
}
