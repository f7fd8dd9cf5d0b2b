/**
 * The footnotes of the page shown, in number order, each with a way back to
 * the place in the text that cites it.
 */
import type { ReactNode } from 'react';
import { useStore } from '../lib/store';
import { nav, navigate } from '../state/nav';
import { FootnoteBody } from './FootnoteBody';

export function FootnotesPanel(): ReactNode {
  const page = useStore(nav, (s) => s.page);
  if (!page) return null;
  if (page.footnotes.length === 0) return <p className="muted panel-empty">No footnotes in this section.</p>;
  const citing = (n: number): string | null =>
    page.blocks.find((b) => b.footnoteRefs.some((r) => r.number === n))?.id ?? null;
  return (
    <ol className="footnote-list" aria-label={`Footnotes of ${page.section.label}`}>
      {page.footnotes.map((f) => {
        const from = citing(f.number);
        return (
          <li key={f.number} id={`fn-${f.number}`} className="footnote-item">
            <span className="fn-number">{f.number}</span>
            <div>
              <FootnoteBody footnote={f} />
              {from ? (
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => void navigate({ pageId: page.section.id, blockId: from })}
                >
                  Show where it is cited
                </button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
