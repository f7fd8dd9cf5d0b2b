/**
 * Test support: the real content store and search service (the built content
 * database), opened before a file's tests and closed after, for the search
 * tests that judge answers on the shipped document.
 */
import { afterAll, beforeAll } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { ContentStore } from '../../src/core/content/store';
import { SearchService } from '../../src/core/search/service';

export interface RealSearch {
  store: ContentStore;
  search: SearchService;
}

export function useRealSearch(): RealSearch {
  const real = {} as RealSearch;
  beforeAll(() => {
    real.store = ContentStore.open(CONTENT_DB_PATH);
    real.search = new SearchService(real.store);
  });
  afterAll(() => real.store.close());
  return real;
}
