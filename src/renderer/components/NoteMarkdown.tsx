/**
 * A user's Markdown note shown as written: bold, italics, lists, code and
 * links, in the note cards, the Notes panel and wherever a note is read.
 *
 * Constraint: markdown-it's tokens (src/shared/markdown/note.ts: no raw HTML,
 * no headings, no images, links only to http(s) and recollection:) become
 * React elements here; no string ever becomes markup (the CSP enforces
 * Trusted Types, so innerHTML would not even work). Every element is a
 * <span> (styled as blocks and list items by CSS), because notes sit inside
 * buttons, where only phrasing content is allowed; for the same reason a link
 * is shown as link text with its address as a tooltip, not followed from a
 * card. `max` caps the characters shown (the virtualised Notes list stays
 * fast for 100,000 notes, and a long note does not fill the card).
 */
import { memo, useMemo, type ReactNode } from 'react';
import { noteTokens, type NoteToken } from '../../shared/markdown/note';

const BLOCK_CLASS: Record<string, string> = {
  paragraph_open: 'md-p',
  bullet_list_open: 'md-ul',
  ordered_list_open: 'md-ol',
  list_item_open: 'md-li',
  blockquote_open: 'md-quote',
};

const INLINE_CLASS: Record<string, string> = { strong_open: 'md-strong', em_open: 'md-em', s_open: 'md-s' };

interface Frame {
  className: string;
  href?: string | null;
  children: ReactNode[];
}

/** Turns the tokens into nested spans; stops adding text once `budget` characters are shown. */
function build(tokens: readonly NoteToken[], max: number): ReactNode[] {
  let budget = max;
  let key = 0;
  const root: Frame = { className: '', children: [] };
  const stack: Frame[] = [root];
  const top = (): Frame => stack[stack.length - 1] ?? root;
  const text = (s: string): void => {
    if (budget <= 0) return;
    const shown = s.length > budget ? `${s.slice(0, budget).trimEnd()}…` : s;
    budget -= s.length;
    top().children.push(shown);
  };
  const open = (className: string, href?: string | null): void => {
    stack.push({ className, href, children: [] });
  };
  const close = (): void => {
    const f = stack.pop();
    if (!f || f === root) return;
    if (f.children.length === 0) return;
    top().children.push(
      <span key={key++} className={f.className} title={f.href ?? undefined}>
        {f.children}
      </span>,
    );
  };
  const walk = (list: readonly NoteToken[]): void => {
    for (const t of list) {
      if (BLOCK_CLASS[t.type] || INLINE_CLASS[t.type]) open(BLOCK_CLASS[t.type] ?? INLINE_CLASS[t.type] ?? '');
      else if (t.type === 'link_open') open('md-link', t.attrGet('href'));
      else if (t.nesting === -1) close();
      else if (t.type === 'inline') walk(t.children ?? []);
      else if (t.type === 'text') text(t.content);
      else if (t.type === 'code_inline') {
        open('md-code');
        text(t.content);
        close();
      } else if (t.type === 'fence' || t.type === 'code_block') {
        open('md-pre');
        text(t.content.replace(/\n$/, ''));
        close();
      } else if (t.type === 'softbreak') text(' ');
      else if (t.type === 'hardbreak') top().children.push(<br key={key++} />);
      else if (t.type === 'hr') top().children.push(<span key={key++} className="md-hr" />);
    }
  };
  walk(tokens);
  while (stack.length > 1) close();
  return root.children;
}

export const NoteMarkdown = memo(function NoteMarkdown({
  text,
  max = 400,
  className = 'note-text',
}: {
  text: string;
  max?: number;
  className?: string;
}): ReactNode {
  const children = useMemo(() => build(noteTokens(text), max), [text, max]);
  return (
    <span className={`${className} md`} dir="auto">
      {children}
    </span>
  );
});
