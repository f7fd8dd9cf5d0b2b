/**
 * Where this page sits (Part › Cluster › Focus area) and the previous / next
 * focus area, the same moves as the [ and ] keys.
 */
import type { ReactNode } from 'react';
import { useStore } from '../lib/store';
import { sentenceCase } from '../lib/text';
import { nav, navigate } from '../state/nav';

export function Breadcrumb(): ReactNode {
  const page = useStore(nav, (s) => s.page);
  const outline = useStore(nav, (s) => s.outline);
  if (!page) return <div className="breadcrumb-bar" />;
  const title = (id: string | null): string => (id ? sentenceCase(outline?.byId.get(id)?.title ?? id) : '');
  const crumbs = page.breadcrumb;
  return (
    <div className="breadcrumb-bar">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          {crumbs.map((c, i) => (
            <li key={c.id}>
              {i === crumbs.length - 1 ? (
                <span aria-current="page">{c.label}</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void navigate({ pageId: c.id })}
                  title={sentenceCase(c.title)}
                >
                  {c.label}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <div className="page-steps">
        <button
          type="button"
          className="icon-button"
          disabled={!page.prevId}
          aria-label={page.prevId ? `Previous: ${title(page.prevId)}` : 'No previous section'}
          title="Previous ( [ )"
          aria-keyshortcuts="["
          onClick={() => page.prevId && void navigate({ pageId: page.prevId })}
        >
          ◀
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={!page.nextId}
          aria-label={page.nextId ? `Next: ${title(page.nextId)}` : 'No next section'}
          title="Next ( ] )"
          aria-keyshortcuts="]"
          onClick={() => page.nextId && void navigate({ pageId: page.nextId })}
        >
          ▶
        </button>
      </div>
    </div>
  );
}
