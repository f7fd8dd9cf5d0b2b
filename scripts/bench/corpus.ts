/**
 * The corpus every engine of the benchmark searches: the documents of the
 * app's own index (blocks and footnotes with their page title, label and
 * kind words), taken from the content database the app opens.
 *
 * Constraint: built with the app's `indexDocuments`, over a model read back
 * from the content store, so the baselines (FTS5, scan) search exactly the
 * texts the app searches — a comparison over different documents would mean
 * nothing — and "rebuild the index" in the start-up run rebuilds exactly
 * what the build stored.
 */
import type { ContentStore } from '../../src/core/content/store';
import { indexDocuments } from '../../src/core/search/documents';
import type { IndexDoc } from '../../src/core/search/options';
import type { DocumentModel } from '../../src/shared/model';

/** The document model as the content store holds it (cross-references are not searched and left out). */
export function modelFromStore(store: ContentStore): DocumentModel {
  const meta = store.meta();
  return {
    meta: { title: meta.title, subtitle: meta.subtitle, place: meta.place, date: meta.date },
    sections: [...store.allSections()],
    blocks: [...store.allBlocks()],
    footnotes: [...store.allFootnotes()],
    crossRefs: [],
  };
}

export function benchDocuments(store: ContentStore): IndexDoc[] {
  return indexDocuments(modelFromStore(store));
}
