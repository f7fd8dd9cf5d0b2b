/**
 * The test content (tests/support/content.ts: the parser's model behind an
 * in-memory ContentLookup) answers exactly as the real content store does on
 * the built database, for every block and section, so the user-data and
 * exchange tests built on it see what the app sees.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { ContentStore } from '../../src/core/content/store';
import { testContent } from '../support/content';

const store = ContentStore.open(CONTENT_DB_PATH);
afterAll(() => store.close());
const { lookup } = testContent();

describe('the test content lookup agrees with the content store', () => {
  it('has the same blocks and sections, in the same order', () => {
    expect(lookup.allBlocks().map((b) => b.id)).toEqual(store.allBlocks().map((b) => b.id));
    // Sections in the store's outline order (depth first), each the same object as the store reads back.
    expect(lookup.allSections().map((s) => s.id)).toEqual(store.allSections().map((s) => s.id));
    for (const s of store.allSections()) expect(lookup.section(s.id), s.id).toEqual(s);
    expect(lookup.section('nowhere')).toBeNull();
  });

  it('gives the same block, summary (with its excerpt) and location for every id', () => {
    const ids = [...store.allBlocks().map((b) => b.id), ...store.allSections().map((s) => s.id)];
    const long = store.allBlocks().find((b) => b.text.length > 400);
    expect(long).toBeDefined();
    for (const id of ids) {
      expect(lookup.summary(id), id).toEqual(store.summary(id));
      expect(lookup.location(id), id).toEqual(store.location(id));
    }
    for (const b of store.allBlocks()) expect(lookup.block(b.id), b.id).toEqual(b);
    expect(lookup.summary('nowhere')).toBeNull();
  });
});
