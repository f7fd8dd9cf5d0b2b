/**
 * A footnote's text with its status (number inferred, text missing) and its
 * links, which open outside only through the shell's confirmation.
 *
 * Constraint: words for readers. The status says in plain words what
 * happened to the footnote in the source; the parser's own account
 * (`footnote.note`: source lines, block ids) stays out of the page — it is in
 * the content database and described in docs/content-schema.md.
 */
import type { ReactNode } from 'react';
import type { Footnote, Mark } from '../../shared/model';
import { openExternal } from '../state/actions';
import { RichText } from './RichText';

/** The footnote's URLs where they stand in its text, as links (unless a mark already links them). */
function linkMarks(f: Footnote): { marks: Mark[]; elsewhere: string[] } {
  const marks = [...f.marks];
  const elsewhere: string[] = [];
  for (const url of f.urls) {
    const at = f.text.indexOf(url);
    const taken = marks.some((m) => m.type === 'link' && m.start < at + url.length && m.end > at);
    if (at < 0) elsewhere.push(url);
    else if (!taken) marks.push({ type: 'link', start: at, end: at + url.length, href: url });
  }
  return { marks, elsewhere };
}

export function FootnoteBody({ footnote }: { footnote: Footnote }): ReactNode {
  const { marks, elsewhere } = linkMarks(footnote);
  return (
    <div className="footnote-body">
      {footnote.status === 'missing' ? (
        <p className="muted">
          The text of this footnote is missing from the source document; nothing has been supplied in its place.
        </p>
      ) : (
        <p className="footnote-text">
          <RichText text={footnote.text} marks={marks} />
        </p>
      )}
      {footnote.status === 'inferred' ? (
        <p className="footnote-status">
          The source document does not print this footnote’s number; {footnote.number} is its place in the order of the
          footnotes.
        </p>
      ) : null}
      {elsewhere.length ? (
        <ul className="footnote-links">
          {elsewhere.map((u) => (
            <li key={u}>
              <button
                type="button"
                className="link-button ext"
                onClick={() => void openExternal(u)}
                title="Open in your browser (asks first)"
              >
                {u.replace(/^https?:\/\//, '')} <span aria-hidden="true">↗</span>
                <span className="visually-hidden"> (opens outside the app)</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
