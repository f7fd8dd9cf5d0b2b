/**
 * What the search overlay says about how it searched: the honest fallback
 * ("No passage has all your words — showing passages with some of them; not
 * found: 10.7") and the thesaurus words also searched, with the switch to
 * turn that expansion off (and on again).
 *
 * Constraint: the same words as the command line (shared/search-notice.ts).
 */
import type { ReactNode } from 'react';
import type { SearchResult } from '../../shared/contract/types';
import { fallbackNotice } from '../../shared/search-notice';

export function SearchNotices(props: {
  result: SearchResult;
  expand: boolean;
  onExpand: (on: boolean) => void;
}): ReactNode {
  const { result, expand, onExpand } = props;
  return (
    <>
      {!result.allWords && result.hits.length > 0 ? (
        <p className="search-notice" role="status" data-testid="fallback-notice">
          {fallbackNotice(result.missing)}
        </p>
      ) : null}
      {result.expanded.length > 0 ? (
        <p className="search-hints" data-testid="also-searched">
          Also searched: {result.expanded.join(', ')}{' '}
          <button type="button" className="link-button" onClick={() => onExpand(false)}>
            Only my words
          </button>
        </p>
      ) : !expand ? (
        <p className="search-hints" data-testid="also-searched">
          Searching only your words.{' '}
          <button type="button" className="link-button" onClick={() => onExpand(true)}>
            Also search the document’s wording
          </button>
        </p>
      ) : null}
    </>
  );
}
