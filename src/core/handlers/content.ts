/**
 * content.* channels: the document's outline, pages, blocks, footnotes and
 * cross-reference facets, served from the read-only content store (which
 * throws NOT_FOUND itself for unknown ids).
 */
import type { ContentStore } from '../content/store';
import type { DomainHandlers } from './types';

export function contentHandlers(store: ContentStore): DomainHandlers<'content'> {
  return {
    'content.meta': () => store.meta(),
    'content.outline': () => store.outline(),
    'content.section': ({ id }) => store.sectionPayload(id),
    'content.block': ({ id }) => store.blockPayload(id),
    'content.footnote': ({ number }) => store.footnote(number),
    'content.facets': ({ type }) => store.facets(type),
    'content.facet': ({ type, key }) => store.facet(type, key),
  };
}
