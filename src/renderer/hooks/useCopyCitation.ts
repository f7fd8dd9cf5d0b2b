/**
 * Ctrl/Cmd+C (or Edit ▸ Copy) on a selection inside one block copies it with
 * its citation: as plain text “…” (GFMD Thematic Recollection
 * 2007–2017, <label>) and the block's deep link, and as HTML with the label
 * linked. A selection across blocks, or in a field, copies as usual.
 */
import { useEffect } from 'react';
import { blockLink } from '../../shared/vocabulary/links';
import { citation, CITED_WORK } from '../lib/citation';
import { selectionInBlock, trimRange } from '../lib/offsets';
import { blockById } from '../state/actions';

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function useCopyCitation(): void {
  useEffect(() => {
    const onCopy = (e: ClipboardEvent): void => {
      const sel = selectionInBlock(window.getSelection());
      const block = sel && blockById(sel.blockId);
      if (!sel || !block || !e.clipboardData) return;
      const [start, end] = trimRange(block.text, sel.start, sel.end);
      if (end <= start) return;
      const text = block.text.slice(start, end);
      const link = blockLink(block.id);
      e.clipboardData.setData('text/plain', `${citation(text, block.label)}\n${link}`);
      e.clipboardData.setData(
        'text/html',
        `<p>“${escape(text)}” (${CITED_WORK}, <a href="${escape(link)}">${escape(block.label)}</a>)</p>`,
      );
      e.preventDefault();
    };
    document.addEventListener('copy', onCopy);
    return () => document.removeEventListener('copy', onCopy);
  }, []);
}
