/**
 * The cases of limits.test.ts: for each place a limit of src/shared/limits.ts
 * applies (a channel argument, or a field of an import file), the call with a
 * value exactly at the limit, the call with one just over, and what the
 * refusal must say. docs/limits.md is the same table in prose.
 *
 * Constraint: values are built from LIMITS, never typed in, so a changed limit
 * moves its test with it; selectors are built on a real quote of the document
 * (`setQuote`, called by the test once the content is open).
 */
import { randomUUID } from 'node:crypto';
import type { Channel } from '../../src/shared/contract/channels';
import type { ErrorCode } from '../../src/shared/contract/result';
import { LIMITS } from '../../src/shared/limits';

export type Limit = keyof typeof LIMITS;
export interface Quote {
  blockId: string;
  exact: string;
  start: number;
  end: number;
}

/** A real quote on a real policy option, for selectors that must match. */
let quote: Quote = { blockId: '', exact: '', start: 0, end: 0 };
export function setQuote(q: Quote): void {
  quote = q;
}

export const s = (n: number, ch = 'x'): string => ch.repeat(n);
export const tagList = (n: number): string[] => Array.from({ length: n }, (_, i) => `tag ${i}`);
const uuids = (n: number): string[] => Array.from({ length: n }, () => randomUUID());

/** One W3C annotation (or bookmark) as an import file, with the given parts. */
export function importFile(parts: {
  note?: string;
  tags?: string[];
  exact?: string;
  prefix?: string;
  start?: number;
  end?: number;
  label?: string;
}): string {
  const base = {
    id: `urn:uuid:${randomUUID()}`,
    type: 'Annotation',
    created: '2025-03-01T10:00:00Z',
    modified: '2025-03-01T10:00:00Z',
  };
  if (parts.label !== undefined) {
    return JSON.stringify({
      ...base,
      motivation: 'bookmarking',
      bodyValue: parts.label,
      target: 'recollection://block/c2.f2',
    });
  }
  const body = [
    { type: 'TextualBody', value: parts.note ?? 'note', purpose: 'commenting' },
    ...(parts.tags ?? []).map((value) => ({ type: 'TextualBody', value, purpose: 'tagging' })),
  ];
  const exact = parts.exact ?? quote.exact;
  const start = parts.start ?? quote.start;
  const selector = [
    { type: 'TextQuoteSelector', exact, prefix: parts.prefix ?? '', suffix: '' },
    { type: 'TextPositionSelector', start, end: parts.end ?? start + exact.length },
  ];
  return JSON.stringify({
    ...base,
    motivation: 'commenting',
    body,
    target: { source: `recollection://block/${quote.blockId}`, selector },
  });
}

export interface Case {
  limit: Limit;
  where: string;
  channel: Channel;
  at: () => unknown;
  over: () => unknown;
  /** What the over-the-limit rejection says (the field's path, or the importer's words). */
  says: RegExp;
  /** When the at-limit value cannot make a valid record: the code and words of the store's own, later check. */
  atRefusedLater?: { code: ErrorCode; says: RegExp };
}

const sel = (over: Partial<typeof quote> & { prefix?: string } = {}) => ({
  exact: quote.exact,
  prefix: '',
  suffix: '',
  start: quote.start,
  end: quote.end,
  ...over,
});

export const CASES: Case[] = [
  {
    limit: 'idLength',
    where: 'content.block id',
    channel: 'content.block',
    at: () => ({ id: s(LIMITS.idLength, 'a') }),
    over: () => ({ id: s(LIMITS.idLength + 1, 'a') }),
    says: /: id: /,
    atRefusedLater: { code: 'NOT_FOUND', says: /no block/ },
  },
  {
    limit: 'idLength',
    where: 'bookmarks.add targetId',
    channel: 'bookmarks.add',
    at: () => ({ targetId: s(LIMITS.idLength, 'b') }),
    over: () => ({ targetId: s(LIMITS.idLength + 1, 'b') }),
    says: /: targetId: /,
    atRefusedLater: { code: 'NOT_FOUND', says: /no block or section/ },
  },
  {
    limit: 'queryLength',
    where: 'search.query q',
    channel: 'search.query',
    at: () => ({ q: s(LIMITS.queryLength / 10, 'migration ') }),
    over: () => ({ q: `${s(LIMITS.queryLength / 10, 'migration ')}x` }),
    says: /: q: /,
  },
  {
    limit: 'queryLength',
    where: 'annotations.list filter.text',
    channel: 'annotations.list',
    at: () => ({ filter: { text: s(LIMITS.queryLength) } }),
    over: () => ({ filter: { text: s(LIMITS.queryLength + 1) } }),
    says: /: filter\.text: /,
  },
  {
    limit: 'pageSize',
    where: 'search.query limit',
    channel: 'search.query',
    at: () => ({ q: 'migration', limit: LIMITS.pageSize }),
    over: () => ({ q: 'migration', limit: LIMITS.pageSize + 1 }),
    says: /: limit: /,
  },
  {
    limit: 'notesPageSize',
    where: 'notes.page limit',
    channel: 'notes.page',
    at: () => ({ offset: 0, limit: LIMITS.notesPageSize }),
    over: () => ({ offset: 0, limit: LIMITS.notesPageSize + 1 }),
    says: /: limit: /,
  },
  {
    limit: 'blocksPerQuery',
    where: 'annotations.forBlocks blockIds',
    channel: 'annotations.forBlocks',
    at: () => ({ blockIds: Array.from({ length: LIMITS.blocksPerQuery }, (_, i) => `c2.f2.po.${i}`) }),
    over: () => ({ blockIds: Array.from({ length: LIMITS.blocksPerQuery + 1 }, (_, i) => `c2.f2.po.${i}`) }),
    says: /: blockIds: /,
  },
  {
    limit: 'notesPerBlock',
    where: 'annotations.forBlocks perBlock',
    channel: 'annotations.forBlocks',
    at: () => ({ blockIds: ['c2.f2.po.1'], perBlock: LIMITS.notesPerBlock }),
    over: () => ({ blockIds: ['c2.f2.po.1'], perBlock: LIMITS.notesPerBlock + 1 }),
    says: /: perBlock: /,
  },
  {
    limit: 'noteLength',
    where: 'annotations.create note',
    channel: 'annotations.create',
    at: () => ({ blockId: 'c2.f2.ex.1', note: s(LIMITS.noteLength) }),
    over: () => ({ blockId: 'c2.f2.ex.1', note: s(LIMITS.noteLength + 1) }),
    says: /: note: /,
  },
  {
    limit: 'noteLength',
    where: 'import file: the note',
    channel: 'import.preview',
    at: () => ({ data: importFile({ note: s(LIMITS.noteLength) }) }),
    over: () => ({ data: importFile({ note: s(LIMITS.noteLength + 1) }) }),
    says: /body.*(longer than 100000|the note is longer)/,
  },
  {
    limit: 'labelLength',
    where: 'bookmarks.add label',
    channel: 'bookmarks.add',
    at: () => ({ targetId: 'c1', label: s(LIMITS.labelLength) }),
    over: () => ({ targetId: 'c2', label: s(LIMITS.labelLength + 1) }),
    says: /: label: /,
  },
  {
    limit: 'labelLength',
    where: 'notes.renameColor name',
    channel: 'notes.renameColor',
    at: () => ({ color: 'blue', name: s(LIMITS.labelLength) }),
    over: () => ({ color: 'blue', name: s(LIMITS.labelLength + 1) }),
    says: /: name: /,
  },
  {
    limit: 'labelLength',
    where: 'import file: a bookmark label',
    channel: 'import.preview',
    at: () => ({ data: importFile({ label: s(LIMITS.labelLength) }) }),
    over: () => ({ data: importFile({ label: s(LIMITS.labelLength + 1) }) }),
    says: /body: a bookmark label longer than 200/,
  },
  {
    limit: 'tagLength',
    where: 'annotations.create tags[i]',
    channel: 'annotations.create',
    at: () => ({ blockId: 'c2.f2.ex.1', tags: [s(LIMITS.tagLength)] }),
    over: () => ({ blockId: 'c2.f2.ex.1', tags: [s(LIMITS.tagLength + 1)] }),
    says: /: tags\.0: /,
  },
  {
    limit: 'tagLength',
    where: 'import file: a tag',
    channel: 'import.preview',
    at: () => ({ data: importFile({ tags: [s(LIMITS.tagLength)] }) }),
    over: () => ({ data: importFile({ tags: [s(LIMITS.tagLength + 1)] }) }),
    says: /body\[1\]\.value: a tag longer than 60/,
  },
  {
    limit: 'tagsPerNote',
    where: 'annotations.create tags',
    channel: 'annotations.create',
    at: () => ({ blockId: 'c2.f2.ex.1', tags: tagList(LIMITS.tagsPerNote) }),
    over: () => ({ blockId: 'c2.f2.ex.1', tags: tagList(LIMITS.tagsPerNote + 1) }),
    says: /: tags: /,
  },
  {
    limit: 'tagsPerNote',
    where: 'annotations.list filter.tags',
    channel: 'annotations.list',
    at: () => ({ filter: { tags: tagList(LIMITS.tagsPerNote) } }),
    over: () => ({ filter: { tags: tagList(LIMITS.tagsPerNote + 1) } }),
    says: /: filter\.tags: /,
  },
  {
    limit: 'tagsPerNote',
    where: 'import file: the tags',
    channel: 'import.preview',
    at: () => ({ data: importFile({ tags: tagList(LIMITS.tagsPerNote) }) }),
    over: () => ({ data: importFile({ tags: tagList(LIMITS.tagsPerNote + 1) }) }),
    says: /body: 31 tags; at most 30/,
  },
  {
    limit: 'quoteLength',
    where: 'annotations.create selector.exact',
    channel: 'annotations.create',
    at: () => ({
      blockId: quote.blockId,
      selector: sel({ exact: s(LIMITS.quoteLength), end: quote.start + LIMITS.quoteLength }),
    }),
    over: () => ({
      blockId: quote.blockId,
      selector: sel({ exact: s(LIMITS.quoteLength + 1), end: quote.start + LIMITS.quoteLength + 1 }),
    }),
    says: /: selector\.exact: /,
    atRefusedLater: { code: 'INVALID_ARGUMENT', says: /^selector: end \d+ is past the end of block/ },
  },
  {
    limit: 'quoteLength',
    where: 'import file: TextQuoteSelector.exact',
    channel: 'import.preview',
    at: () => ({ data: importFile({ exact: s(LIMITS.quoteLength) }) }),
    over: () => ({ data: importFile({ exact: s(LIMITS.quoteLength + 1) }) }),
    says: /target\.selector\[0\]\.exact: longer than 5000/,
  },
  {
    limit: 'quoteContext',
    where: 'annotations.create selector.prefix',
    channel: 'annotations.create',
    at: () => ({ blockId: quote.blockId, selector: sel({ prefix: s(LIMITS.quoteContext) }) }),
    over: () => ({ blockId: quote.blockId, selector: sel({ prefix: s(LIMITS.quoteContext + 1) }) }),
    says: /: selector\.prefix: /,
  },
  {
    limit: 'quoteContext',
    where: 'import file: TextQuoteSelector.prefix',
    channel: 'import.preview',
    at: () => ({ data: importFile({ prefix: s(LIMITS.quoteContext) }) }),
    over: () => ({ data: importFile({ prefix: s(LIMITS.quoteContext + 1) }) }),
    says: /target\.selector\[0\]\.prefix: longer than 200/,
  },
  {
    limit: 'blockLength',
    where: 'annotations.create selector.end',
    channel: 'annotations.create',
    at: () => ({ blockId: quote.blockId, selector: sel({ end: LIMITS.blockLength }) }),
    over: () => ({ blockId: quote.blockId, selector: sel({ end: LIMITS.blockLength + 1 }) }),
    says: /: selector\.end: /,
    atRefusedLater: { code: 'INVALID_ARGUMENT', says: /^selector: end 20000 is past the end of block/ },
  },
  {
    limit: 'blockLength',
    where: 'import file: TextPositionSelector.end',
    channel: 'import.preview',
    at: () => ({ data: importFile({ start: LIMITS.blockLength - 17, end: LIMITS.blockLength }) }),
    over: () => ({ data: importFile({ start: LIMITS.blockLength - 16, end: LIMITS.blockLength + 1 }) }),
    says: /target\.selector\[1\]\.end: must be at most 20000/,
  },
  {
    limit: 'selectionSize',
    where: 'export.render scope.ids',
    channel: 'export.render',
    at: () => ({ format: 'csv', scope: { kind: 'selection', ids: uuids(LIMITS.selectionSize) }, includeNotes: true }),
    over: () => ({
      format: 'csv',
      scope: { kind: 'selection', ids: uuids(LIMITS.selectionSize + 1) },
      includeNotes: true,
    }),
    says: /: scope\.ids: /,
  },
  {
    limit: 'urlLength',
    where: 'app.openExternal url',
    channel: 'app.openExternal',
    at: () => ({ url: `https://example.org/${s(LIMITS.urlLength - 20)}` }),
    over: () => ({ url: `https://example.org/${s(LIMITS.urlLength - 19)}` }),
    says: /: url: /,
    atRefusedLater: { code: 'UNAVAILABLE', says: /needs the desktop app/ },
  },
  {
    limit: 'sealedImportBytes',
    where: 'import.preview data (a sealed file may be larger than the export it holds)',
    channel: 'import.preview',
    at: () => ({ data: s(LIMITS.sealedImportBytes, ' ') }),
    over: () => ({ data: s(LIMITS.sealedImportBytes + 1, ' ') }),
    says: /: data: /,
    // Not sealed: the importer holds it to importBytes.
    atRefusedLater: { code: 'INVALID_ARGUMENT', says: /^file: 28\.0 MB; at most 20\.0 MB can be imported/ },
  },
  {
    limit: 'passphraseLength',
    where: 'import.preview passphrase',
    channel: 'import.preview',
    at: () => ({ data: importFile({ note: 'n' }), passphrase: s(LIMITS.passphraseLength) }),
    over: () => ({ data: importFile({ note: 'n' }), passphrase: s(LIMITS.passphraseLength + 1) }),
    says: /: passphrase: /,
  },
  {
    limit: 'sealPassphraseMin',
    where: 'export.render seal.passphrase (at least; one fewer is refused)',
    channel: 'export.render',
    at: () => ({
      format: 'csv',
      scope: { kind: 'all' },
      includeNotes: true,
      seal: { passphrase: s(LIMITS.sealPassphraseMin) },
    }),
    over: () => ({
      format: 'csv',
      scope: { kind: 'all' },
      includeNotes: true,
      seal: { passphrase: s(LIMITS.sealPassphraseMin - 1) },
    }),
    says: /: seal\.passphrase: /,
  },
  {
    limit: 'layers',
    where: 'layers.positions layerIds',
    channel: 'layers.positions',
    at: () => ({ layerIds: uuids(LIMITS.layers) }),
    over: () => ({ layerIds: uuids(LIMITS.layers + 1) }),
    says: /: layerIds: /,
  },
  {
    limit: 'layers',
    where: 'export.render scope.layers',
    channel: 'export.render',
    at: () => ({ format: 'csv', scope: { kind: 'all', layers: uuids(LIMITS.layers) }, includeNotes: false }),
    over: () => ({ format: 'csv', scope: { kind: 'all', layers: uuids(LIMITS.layers + 1) }, includeNotes: false }),
    says: /: scope\.layers: /,
  },
  {
    limit: 'passphraseLength',
    where: 'folder.setPassphrase passphrase (the delegation passphrase)',
    channel: 'folder.setPassphrase',
    at: () => ({ passphrase: s(LIMITS.passphraseLength) }),
    over: () => ({ passphrase: s(LIMITS.passphraseLength + 1) }),
    says: /: passphrase: /,
  },
  {
    limit: 'sealPassphraseMin',
    where: 'folder.setPassphrase passphrase (at least; one fewer is refused)',
    channel: 'folder.setPassphrase',
    at: () => ({ passphrase: s(LIMITS.sealPassphraseMin) }),
    over: () => ({ passphrase: s(LIMITS.sealPassphraseMin - 1) }),
    says: /: passphrase: /,
  },
];
